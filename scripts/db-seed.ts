// npm run db:seed: demo data (idempotent) in DATABASE_URL or the embedded database.
import { createDb } from "../src/server/db/client";
import { describeConnectionError, openScriptDatabase } from "../src/server/db/connection";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../src/server/db/seed";

async function main() {
  const db = await openScriptDatabase().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
  const prisma = createDb(db.url);
  try {
    const result = await seedDemo(prisma);
    if (result.created) {
      console.error("Seeded demo data. Sign in with any of these (password: " + DEMO_PASSWORD + "):");
      for (const u of DEMO_USERS) console.error(`  ${u.role.padEnd(8)} ${u.email}`);
    } else {
      console.error("Demo data already present; nothing changed.");
    }
  } catch (error) {
    console.error(describeConnectionError(db.url, error));
    process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
    await db.release();
  }
}

void main();
