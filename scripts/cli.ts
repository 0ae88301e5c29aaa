// npm run cli -- <command> [flags]: the operator CLI (src/cli/commands.ts).
// One JSON line on stdout; logs and errors on stderr. Exit 2 on bad input, 1 on other failures.
import { CliInputError, parseCommand } from "../src/cli/commands";
import { createDb } from "../src/server/db/client";
import { describeConnectionError, openScriptDatabase } from "../src/server/db/connection";

const log = (line: string) => console.error(line);

async function main(): Promise<number> {
  let command;
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliInputError) {
      log(error.message);
      return 2;
    }
    throw error;
  }

  let database;
  try {
    database = await openScriptDatabase(log);
  } catch (error) {
    log(`Cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const db = createDb(database.url);
  try {
    const result = await command.run(db, log);
    process.stdout.write(JSON.stringify(result) + "\n");
    return 0;
  } catch (error) {
    if (error instanceof CliInputError) {
      log(`${command.name}: ${error.message}`);
      return 2;
    }
    log(`${command.name} failed. ${describeConnectionError(database.url, error)}`);
    return 1;
  } finally {
    await db.$disconnect();
    await database.release();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    log(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
