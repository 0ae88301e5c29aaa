/**
 * npm run dev / npm start.
 *
 * With DATABASE_URL unset, runs the embedded PostgreSQL of this checkout:
 * starts it, applies migrations and (dev only) seeds demo data on first
 * start, then runs Next.js. Ctrl-C stops Next, then the database, cleanly.
 * With DATABASE_URL set, nothing embedded starts; migrations are applied.
 */
import { spawn } from "node:child_process";
import { applyMigrations, MIGRATIONS_DIR } from "@/ops/db/migrations";
import { embeddedAuthSecret } from "@/ops/db/embedded";
import { DEMO_PASSWORD, demoUserLines, seedDemo } from "@/ops/seed/demo";
import { log, runScript, withDatabase } from "@/ops/run";
import { parseEnv } from "@/env";

const mode = process.argv[2] === "start" ? "start" : "dev";

/** Runs `next dev|start` until it exits; Ctrl-C stops it and counts as a clean exit. */
function runNext(): Promise<number> {
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
  // A terminal's Ctrl-C reaches the whole process group, so npx may see Next
  // die of SIGINT (and exit 130) before our own handler has run: that is the
  // same clean stop.
  const interrupted = (code: number | null, signal: NodeJS.Signals | null) => signal === "SIGINT" || code === 130;
  return new Promise((resolve) =>
    next.on("exit", (code, signal) => resolve(stopping || interrupted(code, signal) ? 0 : (code ?? 1))),
  );
}

runScript(async () => {
  const embedded = !process.env.DATABASE_URL;
  if (embedded) log("DATABASE_URL is not set: using the embedded PostgreSQL under .data/ …");
  const code = await withDatabase(async ({ url, db, closeDb }) => {
    process.env.DATABASE_URL = url;
    if (mode === "dev" && !process.env.NEXTAUTH_SECRET) {
      process.env.NEXTAUTH_SECRET = await embeddedAuthSecret();
    }
    (process.env as Record<string, string>).NODE_ENV = mode === "start" ? "production" : "development";
    parseEnv(process.env);

    const { applied } = await applyMigrations(url, MIGRATIONS_DIR);
    if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
    if (mode === "dev" && embedded) {
      const { created } = await seedDemo(db());
      if (created) {
        log(`\nDemo data is ready. Sign in with password "${DEMO_PASSWORD}" as:`);
        demoUserLines().forEach((line) => log(line));
        log("");
      }
    }
    await closeDb();
    return runNext();
  });
  if (embedded) log("Embedded PostgreSQL stopped.");
  return code;
});
