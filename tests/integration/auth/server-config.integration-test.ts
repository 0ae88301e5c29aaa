// How the servers started by `npm run dev` and `npm start` get their auth
// settings: never a fixed, public JWT secret, and never next-auth's
// http://localhost:3000 fallback for the public URL in production.
import { describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { encode } from "next-auth/jwt";
import { testDb } from "../../support/db";
import { buildWorld } from "../../support/world";
import { freePort, waitForHealth } from "../../support/net";

// The value older versions fell back to when NEXTAUTH_SECRET was unset: anyone could sign with it.
const PUBLISHED_SECRET = "flowpilot-development-secret-not-for-production";

function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // (serve.ts sets NODE_ENV itself.)
  const { NEXTAUTH_SECRET: _secret, NEXTAUTH_URL: _url, ...inherited } = process.env;
  return { ...inherited, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

describe("npm run dev with DATABASE_URL set and no NEXTAUTH_SECRET", () => {
  it("signs sessions with a secret generated for its data folder, not a published one", { timeout: 600_000 }, async () => {
    const { user } = await buildWorld(testDb(), { role: "engineer" });
    const dataDir = await mkdtemp(path.join(tmpdir(), "flowpilot-secret-"));
    const port = await freePort();
    const child = spawn("node_modules/.bin/tsx", ["scripts/serve.ts", "dev"], {
      env: serverEnv({ DATABASE_URL: inject("databaseUrl"), FLOWPILOT_DATA_DIR: dataDir, PORT: String(port) }),
      detached: true,
    });
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    try {
      const origin = `http://127.0.0.1:${port}`;
      // A first `next dev` compile on a busy machine can take minutes.
      await waitForHealth(`${origin}/api/health`, { exitCode: () => child.exitCode, output: () => output }, 540_000);
      expect(existsSync(path.join(dataDir, "nextauth-secret"))).toBe(true);

      const forged = await encode({ token: { sub: user.id }, secret: PUBLISHED_SECRET });
      const res = await fetch(`${origin}/api/auth/session`, { headers: { cookie: `next-auth.session-token=${forged}` } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({});
    } finally {
      process.kill(-child.pid!, "SIGINT");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  });
});

describe("npm start without NEXTAUTH_URL", () => {
  it("refuses to start, with one line naming the variable", () => {
    const result = spawnSync("node_modules/.bin/tsx", ["scripts/serve.ts", "start"], {
      env: serverEnv({ DATABASE_URL: inject("databaseUrl"), NEXTAUTH_SECRET: "s".repeat(40), PORT: "1" }),
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^ {2}NEXTAUTH_URL is required in production/m);
  });
});
