import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { loadId, OPEN_PER_ACCOUNT, SESSIONS_PER_ACCOUNT, seedLoad, USERS, type Seeded } from "../../../scripts/load/seed";
import {
  analyzeOutage, kindTable, linearRegression, memoryTrend, overall, percentile, summarize, type Sample,
} from "../../../scripts/load/stats";
import { createDb, type Db } from "@/server/db/client";
import { resolveCaller } from "@/server/auth/caller";

// The load test's parts that need no server: its seed (on a database of its
// own, so the shared test data is untouched) and its arithmetic. Speed is
// npm run load's to print, not this file's to assert.
describe("npm run load: seed", () => {
  let database: TestDatabase;
  let seeded: Seeded;
  let db: Db;
  const ACCOUNTS = 12;

  beforeAll(async () => {
    database = await createTestDatabase("flowpilot_load_seed");
    seeded = await seedLoad(database.url, ACCOUNTS, () => {});
    db = createDb(database.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  const one = async <T,>(sql: string, params: unknown[] = []): Promise<T> => {
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows[0] as T;
    } finally {
      await c.end();
    }
  };

  it("writes every account with its users, sessions, open and claimed handoffs", async () => {
    const counts = await one<Record<string, number>>(`SELECT
      (SELECT count(*)::int FROM accounts) AS accounts,
      (SELECT count(*)::int FROM users) AS users,
      (SELECT count(DISTINCT account_role)::int FROM users) AS roles,
      (SELECT count(*)::int FROM ai_sessions) AS sessions,
      (SELECT count(*)::int FROM session_handoffs WHERE claimed_at IS NULL) AS open,
      (SELECT count(*)::int FROM session_handoffs WHERE claimed_at IS NOT NULL) AS claimed,
      (SELECT count(*)::int FROM api_keys) AS keys`);
    expect(counts).toEqual({
      accounts: ACCOUNTS, users: ACCOUNTS * 6, roles: 4, sessions: ACCOUNTS * SESSIONS_PER_ACCOUNT,
      open: ACCOUNTS * OPEN_PER_ACCOUNT, claimed: ACCOUNTS * (SESSIONS_PER_ACCOUNT - OPEN_PER_ACCOUNT), keys: ACCOUNTS + 1,
    });
  });

  it("keeps every row in its own account and lets the triggers time the first actions", async () => {
    const check = await one<{ foreign: number; timed: number; acted: number; pending: number }>(`SELECT
      (SELECT count(*)::int FROM first_action_pending) AS pending,
      (SELECT count(*)::int FROM session_handoffs h JOIN ai_sessions s ON s.id = h.session_id
        JOIN users u ON u.id = h.claimed_by WHERE s.account_id <> h.account_id OR u.account_id <> h.account_id) AS foreign,
      (SELECT count(*)::int FROM session_handoffs WHERE first_action_at IS NOT NULL) AS timed,
      (SELECT count(*)::int FROM session_handoffs h WHERE EXISTS (
        SELECT 1 FROM ai_session_steps st WHERE st.session_id = h.session_id AND st.created_at > h.claimed_at)) AS acted`);
    expect(check.foreign).toBe(0);
    // Folded, as a running app would have: the metric reads stored values.
    expect(check.pending).toBe(0);
    expect(check.acted).toBeGreaterThan(0);
    expect(check.timed).toBe(check.acted);
  });

  it("names rows by id the way the run addresses them, and its keys authenticate as engineers", async () => {
    const handoff = await one<{ account_id: string; claimed_at: Date | null }>(
      `SELECT account_id, claimed_at FROM session_handoffs WHERE id = $1`, [loadId(3, "handoff", 1)]);
    expect(handoff).toEqual({ account_id: loadId(3, "account", 0), claimed_at: null });
    const { caller } = await resolveCaller(db, new Headers({ authorization: `Bearer ${seeded.accounts[2]!.readKey}` }));
    expect(caller).toMatchObject({ userId: loadId(3, "user", USERS.engineer), accountId: loadId(3, "account", 0), role: "engineer" });
  });
});

describe("npm run load: arithmetic", () => {
  const sample = (kind: string, at: number, latencyMs: number, status: number): Sample => ({ kind, at, latencyMs, status });

  it("takes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it("counts per kind, tells deliberate 429s from errors, and sums all kinds", () => {
    const samples = [
      sample("card", 0, 10, 200), sample("card", 1, 30, 200), sample("card", 2, 20, 503),
      sample("limited", 3, 5, 429), sample("limited", 4, 5, 200),
      sample("queue", 5, 40, 429), sample("queue", 6, 50, 0),
    ];
    const rows = summarize(samples, 2, { limited: [429] });
    expect(rows.find((r) => r.kind === "card")).toMatchObject({ requests: 3, perSecond: 1.5, ok: 2, deliberate429: 0, errors: { 503: 1 }, p50: 20, p99: 30 });
    expect(rows.find((r) => r.kind === "limited")).toMatchObject({ ok: 1, deliberate429: 1, errors: {} });
    // A 429 where no kind expects one is an error.
    expect(rows.find((r) => r.kind === "queue")).toMatchObject({ ok: 0, errors: { 429: 1, 0: 1 } });
    expect(overall(samples, 2, { limited: [429] })).toMatchObject({ requests: 7, ok: 3, p99: 50 });
    const table = kindTable(rows, { card: 100 });
    expect(table.split("\n")[0]).toBe("| kind | offered req/s | req/s | p50 | p99 | 2xx | deliberate 429 | errors |");
    expect(table).toContain("| card | 100 | 1.5 | 20.0 ms | 30.0 ms | 2 | 0 | 1 × 503 |");
    expect(table).toContain("| queue | max | 1.0 | 40.0 ms | 50.0 ms | 0 | 0 | 1 × no answer, 1 × 429 |");
  });

  it("fits a line by least squares", () => {
    const line = linearRegression([0, 1, 2, 3].map((x) => ({ x, y: 3 * x + 1 })));
    expect(line.slope).toBeCloseTo(3);
    expect(line.intercept).toBeCloseTo(1);
    expect(line.r2).toBeCloseTo(1);
    expect(linearRegression([{ x: 1, y: 5 }])).toEqual({ slope: 0, intercept: 5, r2: 0 });
  });

  it("judges memory after the warm-up: a heap that levels off is not a leak, steady growth is", () => {
    const MB = 2 ** 20;
    const minutes = Array.from({ length: 120 }, (_, i) => i * 5_000);
    // Grows for the first 20 % of the run, flat after it.
    const levelling = minutes.map((atMs, i) => ({ atMs, rssBytes: (200 + Math.min(i, 24) * 4) * MB }));
    expect(memoryTrend(levelling)).toMatchObject({ growing: false, slopeMbPerMin: 0 });
    const leaking = minutes.map((atMs) => ({ atMs, rssBytes: 200 * MB + (atMs / 60_000) * 2 * MB }));
    const trend = memoryTrend(leaking);
    expect(trend.growing).toBe(true);
    expect(trend.slopeMbPerMin).toBeCloseTo(2);
  });

  it("reads an outage: what was answered while the database was down, and when failures stopped after", () => {
    const samples = [
      sample("card", 900, 5, 200),
      sample("card", 1_000, 5, 200), // computed before the stop
      sample("card", 1_500, 5, 503), sample("claim", 2_000, 5, 503),
      sample("card", 3_100, 5, 503), sample("card", 3_400, 5, 200), sample("card", 3_900, 5, 0),
      sample("card", 4_500, 5, 200),
    ];
    expect(analyzeOutage(samples, 1_000, 3_000)).toEqual({
      duringOutage: { 200: 1, 503: 2 }, only503: true, recoveryMs: 900, failuresAfterUp: 2,
    });
    expect(analyzeOutage([...samples, sample("card", 2_500, 5, 500)], 1_000, 3_000).only503).toBe(false);
    expect(analyzeOutage([sample("card", 1_500, 5, 503)], 1_000, 3_000).recoveryMs).toBe(0);
  });
});
