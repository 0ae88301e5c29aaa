// npm run db:migrate: apply prisma/migrations to DATABASE_URL or the embedded database.
import { applyMigrations, MIGRATIONS_DIR } from "@/ops/db/migrations";
import { log, runScript, withDatabase } from "@/ops/run";

runScript(() =>
  withDatabase(async ({ url }) => {
    const result = await applyMigrations(url, MIGRATIONS_DIR, log);
    log(
      result.applied.length
        ? `Applied ${result.applied.length} migration(s); ${result.alreadyApplied} were already applied.`
        : `Database is up to date (${result.alreadyApplied} migrations).`,
    );
  }),
);
