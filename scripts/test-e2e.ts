/**
 * npm run test:e2e: a fresh seeded database, a production build, Playwright.
 * The database is dropped afterwards whatever the outcome.
 */
import { spawnSync } from "node:child_process";
import { seedDemo } from "@/ops/seed/demo";
import { runScript, withDatabase } from "@/ops/run";
import { createTestDatabase } from "../tests/support/test-database";
import { freePort } from "../tests/support/net";

function run(cmd: string, args: string[], env: Record<string, string>): number {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return r.status ?? 1;
}

const openE2eDatabase = async () => {
  const db = await createTestDatabase("flowpilot_e2e");
  return { url: db.url, release: db.drop };
};

runScript(() =>
  withDatabase(async ({ url, db, closeDb }) => {
    await seedDemo(db());
    await closeDb();

    if (!process.env.E2E_SKIP_BUILD) {
      console.error("Building the app for end-to-end tests…");
      const built = run("npx", ["--no-install", "next", "build"], {});
      if (built !== 0) return built;
    }
    const port = await freePort();
    return run("npx", ["--no-install", "playwright", "test", ...process.argv.slice(2)], {
      E2E_DATABASE_URL: url,
      E2E_PORT: String(port),
    });
  }, openE2eDatabase),
);
