/**
 * npm run test:e2e: a fresh seeded database, a production build, Playwright.
 * The database is dropped afterwards whatever the outcome.
 */
import { spawnSync } from "node:child_process";
import { createTestDatabase } from "../tests/support/test-database";
import { freePort } from "../tests/support/net";
import { createDb } from "../src/server/db/client";
import { seedDemo } from "../src/server/db/seed";

function run(cmd: string, args: string[], env: Record<string, string>): number {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return r.status ?? 1;
}

async function main() {
  const db = await createTestDatabase("flowpilot_e2e");
  let status = 1;
  try {
    const prisma = createDb(db.url);
    await seedDemo(prisma);
    await prisma.$disconnect();

    if (!process.env.E2E_SKIP_BUILD) {
      console.error("Building the app for end-to-end tests…");
      status = run("npx", ["--no-install", "next", "build"], {});
      if (status !== 0) return;
    }
    const port = await freePort();
    status = run("npx", ["--no-install", "playwright", "test", ...process.argv.slice(2)], {
      E2E_DATABASE_URL: db.url,
      E2E_PORT: String(port),
    });
  } finally {
    await db.drop();
    process.exitCode = status;
  }
}

void main();
