// npm run db:migrate: apply prisma/migrations to DATABASE_URL or the embedded database.
import { applyMigrations, MigrationError, MIGRATIONS_DIR } from "../src/server/db/migrations";
import { describeConnectionError, openScriptDatabase } from "../src/server/db/connection";

async function main() {
  let db;
  try {
    db = await openScriptDatabase();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  try {
    const result = await applyMigrations(db.url, MIGRATIONS_DIR, (line) => console.error(line));
    console.error(
      result.applied.length
        ? `Applied ${result.applied.length} migration(s); ${result.alreadyApplied} were already applied.`
        : `Database is up to date (${result.alreadyApplied} migrations).`,
    );
  } catch (error) {
    console.error(error instanceof MigrationError ? error.message : describeConnectionError(db.url, error));
    process.exitCode = 1;
  } finally {
    await db.release();
  }
}

void main();
