// Two app processes against one database share one limit: N instances must
// not allow N times the configured number of requests or sign-in attempts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { inject } from "vitest";
import { testDb } from "../../support/db";
import { buildWorld } from "../../support/world";

const db = testDb();
const LIMIT = 4;
const PATH = "/api/v1/analytics/flowpilot/escalations?period=7d";

type Instance = { origin: string; child: ChildProcess };

function startInstance(): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/rest-server-process.ts"], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), API_KEY_RATE_LIMIT_PER_MINUTE: String(LIMIT) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
    createInterface({ input: child.stdout! }).once("line", (line) => {
      resolve({ origin: (JSON.parse(line) as { origin: string }).origin, child });
    });
  });
}

let instances: Instance[] = [];
beforeAll(async () => {
  instances = await Promise.all([startInstance(), startInstance()]);
});
afterAll(() => {
  for (const { child } of instances) child.kill("SIGTERM");
});

describe("limits shared by two app processes", () => {
  it(`lets one API key make ${LIMIT} requests in all, whichever instance answers`, async () => {
    const { token } = await buildWorld(db, { role: "engineer", apiKey: true });
    const statuses: number[] = [];
    // Alternating instances, sequentially: the shared count is under test.
    for (let i = 0; i < LIMIT * 2; i++) {
      const { origin } = instances[i % 2]!;
      const res = await fetch(origin + PATH, { headers: { authorization: `Bearer ${token}` } });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
    expect(statuses).toEqual([...Array(LIMIT).fill(200), ...Array(LIMIT).fill(429)]);
  });
});
