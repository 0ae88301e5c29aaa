// `npm run dev` on a machine with Node alone: embedded PostgreSQL, migrations,
// demo data on first start, Ctrl-C shuts everything down cleanly, and a
// second start reuses the data.
import { describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, waitForHealth } from "../../support/net";


type Dev = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startDev(env: Record<string, string>): Dev {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" };
  delete childEnv.DATABASE_URL;
  delete childEnv.NEXTAUTH_SECRET;
  // Its own process group, so the test can press Ctrl-C on the whole group as a terminal does.
  const child = spawn("node_modules/.bin/tsx", ["scripts/serve.ts", "dev"], { env: childEnv, detached: true });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

const waitForDev = (url: string, dev: Dev) => waitForHealth(url, { exitCode: () => dev.child.exitCode, output: dev.output });

async function pressCtrlC(dev: Dev) {
  process.kill(-dev.child.pid!, "SIGINT");
  return dev.exited;
}

describe("npm run dev without DATABASE_URL", () => {
  it("starts, seeds once, stops cleanly on Ctrl-C and reuses its data on the next start", { timeout: 300_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "flowpilot-dev-"));
    const env = {
      FLOWPILOT_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: String(await freePort()),
    };
    const health = `http://127.0.0.1:${env.PORT}/api/health`;
    const pidFile = path.join(dataDir, "postgres", "postmaster.pid");

    const first = startDev(env);
    expect(await waitForDev(health, first)).toEqual({ status: "ok" });
    expect(first.output()).toMatch(/Demo data is ready\. Sign in with password "flowpilot-demo"/);
    expect(first.output()).toContain("engineer@demo.flowpilot.test");
    expect(existsSync(path.join(dataDir, "nextauth-secret"))).toBe(true);
    expect(existsSync(pidFile)).toBe(true);

    expect(await pressCtrlC(first)).toBe(0);
    expect(first.output()).toContain("Embedded PostgreSQL stopped.");
    // A clean shutdown removes the pid file; a crash would leave it behind.
    expect(existsSync(pidFile)).toBe(false);

    const second = startDev(env);
    expect(await waitForDev(health, second)).toEqual({ status: "ok" });
    expect(second.output()).not.toMatch(/Demo data is ready/);
    expect(await pressCtrlC(second)).toBe(0);
    expect(existsSync(pidFile)).toBe(false);
  });
});
