// What the first_action_at triggers ask of the services that write steps and
// handoffs: no privileges beyond writing their own rows, and no waits on each
// other that the tables without triggers would not have. Both connections set
// a lock_timeout, so a wait shows up as an error (55P03) instead of a hang or
// a deadlock (40P01); the statements are ordered with awaits, so every run
// takes the same path.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { foldFirstActions } from "@/server/first-action/fold";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { at, endPoolAndDrop, foldAll, mismatches, worldWithSessions, type Queryable, type World } from "../../support/first-action";

let database: TestDatabase;
let pool: pg.Pool;
/** The client the shared world builder writes accounts and users with. */
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase("flowpilot_first_action_writers");
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  db = createDb(database.url);
});

afterAll(() => endPoolAndDrop(pool, database, db));

const CLAIM_AT = 10_000_000;

const insertStep = (q: Queryable, w: World, session: string, us: number) =>
  q.query(`INSERT INTO ai_session_steps (session_id, account_id, step_order, step_type, content, created_at)
           VALUES ($1, $2, 1, 'note', '{}', ${at(3)})`, [session, w.accountId, us]);

const insertClaimedHandoff = async (q: Queryable, w: World, session: string, claimedUs: number) => {
  const { rows: [h] } = await q.query<{ id: string }>(
    `INSERT INTO session_handoffs (session_id, account_id, handed_off_by, intent, snapshot, priority, claimed_at, claimed_by)
     VALUES ($1, $2, $3, 'stuck', '{}', 'normal', ${at(4)}, $3) RETURNING id`, [session, w.accountId, w.userId, claimedUs]);
  return h!.id;
};

/** first_action_at per handoff as readers see it, in µs from the base, ordered by session. */
async function firstActions(w: World) {
  const { rows } = await pool.query<{ us: string | null }>(
    `SELECT (extract(epoch FROM first_action_at - timestamptz '2026-01-01 00:00:00+00') * 1000000)::bigint::text AS us
       FROM handoff_first_actions WHERE account_id = $1 ORDER BY array_position($2::uuid[], session_id), claimed_at`,
    [w.accountId, w.sessions]);
  return rows.map((r) => (r.us === null ? null : Number(r.us)));
}

/** Exact for readers now, and stored exactly once folded. */
async function expectExact(w: World, expected: (number | null)[]) {
  expect(await mismatches(pool, w.accountId)).toEqual([]);
  expect(await firstActions(w)).toEqual(expected);
  expect(await foldAll(pool)).toBe(0);
  expect(await mismatches(pool, w.accountId, "stored")).toEqual([]);
}

async function connect(url: string) {
  const client = new pg.Client({ connectionString: url, options: "-c lock_timeout=500ms" });
  await client.connect();
  return client;
}

async function withTwoConnections(fn: (t1: pg.Client, t2: pg.Client) => Promise<void>) {
  const t1 = await connect(database.url);
  const t2 = await connect(database.url);
  try {
    await fn(t1, t2);
  } finally {
    await t1.end();
    await t2.end();
  }
}

describe("a step-writing service with least privileges", () => {
  const role = `flowpilot_writer_${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    await pool.query(`CREATE ROLE ${role} LOGIN`);
    await pool.query(`GRANT CONNECT ON DATABASE "${database.name}" TO ${role}`);
    await pool.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await pool.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
    await pool.query(`GRANT INSERT ON ai_session_steps TO ${role}`);
    await pool.query(`GRANT INSERT, UPDATE ON session_handoffs TO ${role}`);
  });

  afterAll(async () => {
    // Roles are cluster-wide: leave none behind.
    await pool.query(`DROP OWNED BY ${role}`);
    await pool.query(`DROP ROLE ${role}`);
  });

  it("writes steps and handoffs, and the metric stays exact", async () => {
    const w = await worldWithSessions(db, 2, "Least privilege");
    const [first, second] = w.sessions as [string, string];
    const url = new URL(database.url);
    url.username = role;
    const writer = await connect(url.toString());
    try {
      await insertStep(writer, w, first, 5_000_000);
      const handoff = await insertClaimedHandoff(writer, w, first, CLAIM_AT);
      await insertStep(writer, w, first, 30_000_000);
      await insertStep(writer, w, first, 20_000_000);
      await insertClaimedHandoff(writer, w, second, CLAIM_AT);
      await writer.query(`INSERT INTO ai_session_steps (session_id, account_id, step_order, step_type, content, created_at)
                          SELECT $1, $2, g, 'bulk', '{}', ${at(3)} + g * interval '1 second' FROM generate_series(1, 5) g`,
        [second, w.accountId, 40_000_000]);
      await writer.query(`UPDATE session_handoffs SET claimed_at = ${at(2)} WHERE id = $1`, [handoff, 25_000_000]);
      await expectExact(w, [30_000_000, 41_000_000]);
    } finally {
      await writer.end();
    }
  });
});

describe("rows written with session_replication_role = replica", () => {
  it("skip the triggers until an operator queues their sessions for recomputation", async () => {
    const w = await worldWithSessions(db, 1, "Replica");
    const [session] = w.sessions as [string];
    await insertClaimedHandoff(pool, w, session, CLAIM_AT);
    expect(await foldAll(pool)).toBe(0);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL session_replication_role = replica");
      await insertStep(client, w, session, 20_000_000);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    // No trigger fired: nothing knows the step arrived.
    expect(await firstActions(w)).toEqual([null]);
    // The statement docs/metric.md gives operators: exact for readers at once, folded later.
    await pool.query(`INSERT INTO first_action_pending (session_id) SELECT DISTINCT session_id FROM session_handoffs`);
    await expectExact(w, [20_000_000]);
  });
});

describe("writers of steps and handoffs never wait on each other", () => {
  it("two transactions each writing steps on the other's session", async () => {
    const w = await worldWithSessions(db, 2, "Crossed steps");
    const [s1, s2] = w.sessions as [string, string];
    await insertClaimedHandoff(pool, w, s1, CLAIM_AT);
    await insertClaimedHandoff(pool, w, s2, CLAIM_AT);
    await withTwoConnections(async (t1, t2) => {
      await t1.query("BEGIN");
      await t2.query("BEGIN");
      await insertStep(t1, w, s1, 30_000_000);
      await insertStep(t2, w, s2, 40_000_000);
      await insertStep(t1, w, s2, 35_000_000);
      await insertStep(t2, w, s1, 20_000_000);
      await t1.query("COMMIT");
      await t2.query("COMMIT");
    });
    await expectExact(w, [20_000_000, 35_000_000]);
  });

  it("a step, then a session update with a new handoff, then an update of the same session", async () => {
    const w = await worldWithSessions(db, 1, "Session update");
    const [s] = w.sessions as [string];
    await insertClaimedHandoff(pool, w, s, CLAIM_AT);
    await withTwoConnections(async (t1, t2) => {
      await t1.query("BEGIN");
      await insertStep(t1, w, s, 30_000_000);
      await t2.query("BEGIN");
      await t2.query(`UPDATE ai_sessions SET status = 'escalated' WHERE id = $1`, [s]);
      await insertClaimedHandoff(t2, w, s, 20_000_000);
      await t2.query("COMMIT");
      // Issued before T2's commit this would wait for T2's session update, as
      // it would without any trigger; the triggers must add no wait of T2 on T1.
      await t1.query(`UPDATE ai_sessions SET status = 'resolved' WHERE id = $1`, [s]);
      await t1.query("COMMIT");
    });
    await expectExact(w, [30_000_000, 30_000_000]);
  });

  it("folding skips, without waiting, a session whose handoff an open transaction holds", async () => {
    const w = await worldWithSessions(db, 1, "Fold skips");
    const [s] = w.sessions as [string];
    const handoff = await insertClaimedHandoff(pool, w, s, CLAIM_AT);
    await withTwoConnections(async (claimer, folder) => {
      await claimer.query("BEGIN");
      await claimer.query(`UPDATE session_handoffs SET priority = 'high' WHERE id = $1`, [handoff]);
      await insertStep(pool, w, s, 20_000_000);
      expect(await foldAll(folder)).toBeGreaterThan(0);
      expect(await firstActions(w)).toEqual([20_000_000]);
      await claimer.query("COMMIT");
    });
    await expectExact(w, [20_000_000]);
  });
});

describe("the app's folding", () => {
  it("stores every pending recomputation, over several batches", async () => {
    const w = await worldWithSessions(db, 3, "App folding");
    for (const [i, s] of w.sessions.entries()) await insertClaimedHandoff(pool, w, s, CLAIM_AT + i);
    await pool.query(`INSERT INTO ai_session_steps (session_id, account_id, step_order, step_type, content, created_at)
                      SELECT ($1::uuid[])[1 + g % 3], $2, g, 'bulk', '{}', ${at(3)} + g * interval '1 millisecond'
                        FROM generate_series(1, 2500) g`, [w.sessions, w.accountId, 20_000_000]);
    // One statement adds one row per session; many statements, many rows.
    for (let i = 0; i < 1200; i++) await insertStep(pool, w, w.sessions[i % 3]!, 30_000_000 + i);
    expect(await foldFirstActions(db)).toBeGreaterThan(1000);
    const { rows: [left] } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM first_action_pending`);
    expect(left!.n).toBe(0);
    expect(await mismatches(pool, w.accountId, "stored")).toEqual([]);
    expect(await firstActions(w)).toEqual([20_003_000, 20_001_000, 20_002_000]);
  });
});
