// npm run cli -- <command> [flags]: the operator CLI (src/ops/cli/commands.ts).
// One JSON line on stdout; logs and errors on stderr. Exit 2 on bad input, 1 on other failures.
import { parseCommand } from "@/ops/cli/commands";
import { log, runScript, withDatabase } from "@/ops/run";

runScript(async () => {
  // Parsed before the database is opened, so bad input never starts one.
  const command = parseCommand(process.argv.slice(2));
  const result = await withDatabase(({ db }) => command.run(db(), log));
  process.stdout.write(JSON.stringify(result) + "\n");
});
