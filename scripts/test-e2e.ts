/**
 * npm run test:e2e: a fresh seeded database, a production build, Playwright.
 * The database is dropped afterwards whatever the outcome.
 */
import { spawnSync } from "node:child_process";
import net from "node:net";
import { createTestDatabase } from "../tests/support/test-database";
import { createDb } from "../src/server/db/client";
import { seedDemo } from "../src/server/db/seed";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

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
