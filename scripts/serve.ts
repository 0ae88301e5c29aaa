/**
 * npm run dev / npm start.
 *
 * With DATABASE_URL unset, runs the embedded PostgreSQL of this checkout:
 * starts it, applies migrations and (dev only) seeds demo data on first
 * start, then runs Next.js. Ctrl-C stops Next, then the database, cleanly.
 * With DATABASE_URL set, nothing embedded starts; migrations are applied.
 */
import { spawn } from "node:child_process";
import { applyMigrations, MigrationError, MIGRATIONS_DIR } from "../src/server/db/migrations";
import { describeConnectionError, openScriptDatabase } from "../src/server/db/connection";
import { embeddedAuthSecret } from "../src/server/db/embedded";
import { createDb } from "../src/server/db/client";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../src/server/db/seed";
import { parseEnv, EnvError } from "../src/env";

const mode = process.argv[2] === "start" ? "start" : "dev";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main() {
  const embedded = !process.env.DATABASE_URL;
  if (embedded) console.error("DATABASE_URL is not set: using the embedded PostgreSQL under .data/ …");
  const db = await openScriptDatabase().catch((e: Error) => fail(e.message));
  process.env.DATABASE_URL = db.url;
  if (mode === "dev" && !process.env.NEXTAUTH_SECRET) {
    process.env.NEXTAUTH_SECRET = await embeddedAuthSecret();
  }
  (process.env as Record<string, string>).NODE_ENV = mode === "start" ? "production" : "development";
  try {
    parseEnv(process.env);
  } catch (e) {
    await db.release();
    fail(e instanceof EnvError ? e.message : String(e));
  }

  try {
    const { applied } = await applyMigrations(db.url, MIGRATIONS_DIR);
    if (applied.length) console.error(`Applied migrations: ${applied.join(", ")}`);
    if (mode === "dev" && embedded) {
      const prisma = createDb(db.url);
      const { created } = await seedDemo(prisma);
      await prisma.$disconnect();
      if (created) {
        console.error(`\nDemo data is ready. Sign in with password "${DEMO_PASSWORD}" as:`);
        for (const u of DEMO_USERS) console.error(`  ${u.role.padEnd(8)} ${u.email}`);
        console.error("");
      }
    }
  } catch (e) {
    await db.release();
    fail(e instanceof MigrationError ? e.message : describeConnectionError(db.url, e));
  }

  const port = process.env.PORT ?? "3000";
  const next = spawn("npx", ["--no-install", "next", mode, "-p", port], {
    stdio: "inherit",
    env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
  });
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    next.kill("SIGINT");
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  next.on("exit", async (code) => {
    await db.release();
    if (embedded) console.error("Embedded PostgreSQL stopped.");
    process.exit(stopping ? 0 : (code ?? 1));
  });
}

void main();
