// first_action_at is kept by database triggers (stored in session_handoffs,
// with pending recomputations folded in by the handoff_first_actions view).
// Other services write these tables with plain SQL, so this drives the
// tables the same way — random sequences of single-row and bulk writes, in
// and out of transactions — and after every batch compares what readers see
// with the definition: the first step of its session strictly after its
// claim; after a fold, the stored column too.
//
// Runs in a database of its own: it truncates the steps table.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { seededRandom } from "@/ops/seed/demo";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { at, endPoolAndDrop, foldAll, mismatches, worldWithSessions, type World } from "../../support/first-action";

let database: TestDatabase;
let pool: pg.Pool;
/** The client the shared world builder writes accounts and users with. */
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase("flowpilot_first_action");
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  db = createDb(database.url);
});

afterAll(() => endPoolAndDrop(pool, database, db));

type Op = { name: string; sql: string; params: unknown[] };

/** Random writes over a small world, so that they collide often. */
function makeOps(world: World, rand: () => number) {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  // Whole seconds 0..40, sometimes nudged by one microsecond either way.
  const time = () => int(0, 40) * 1_000_000 + pick([0, 0, 0, 0, 1, -1]);
  const stepCols = `(session_id, account_id, step_order, step_type, content, created_at)`;

  return (steps: string[], handoffs: string[]): Op => {
    const kind = pick([
      "insertStep", "insertStep", "insertStep", "bulkInsertSteps", "seriesInsertSteps", "insertStepNow",
      "deleteStep", "bulkDeleteSteps", "moveStepTime", "bulkShiftSteps", "moveStepSession", "touchStep",
      "claim", "claim", "reclaim", "unclaim", "bulkClaim", "moveHandoff", "insertHandoff", "bulkInsertHandoffs",
      "insertUnclaimedThenClaim", "deleteHandoff", "forgeFirstAction", "touchHandoff", "truncateSteps",
    ] as const);
    const s = () => pick(world.sessions);
    switch (kind) {
      case "insertStep":
        return { name: kind, sql: `INSERT INTO ai_session_steps ${stepCols} VALUES ($1, $2, 1, 'note', '{}', ${at(3)})`, params: [s(), world.accountId, time()] };
      case "insertStepNow":
        return { name: kind, sql: `INSERT INTO ai_session_steps (session_id, account_id, step_order, step_type, content) VALUES ($1, $2, 1, 'note', '{}')`, params: [s(), world.accountId] };
      case "bulkInsertSteps": {
        const n = int(2, 25);
        const sessions = Array.from({ length: n }, s);
        const times = Array.from({ length: n }, time);
        return {
          name: kind,
          sql: `INSERT INTO ai_session_steps ${stepCols}
                SELECT x.s, $3, 1, 'bulk', '{}', timestamptz '2026-01-01 00:00:00+00' + x.us * interval '1 microsecond'
                  FROM unnest($1::uuid[], $2::bigint[]) AS x(s, us)`,
          params: [sessions, times, world.accountId],
        };
      }
      case "seriesInsertSteps":
        // Descending times: a late batch arriving newest first.
        return {
          name: kind,
          sql: `INSERT INTO ai_session_steps ${stepCols}
                SELECT $1, $2, g, 'series', '{}', ${at(3)} - g * $4::bigint * interval '1 microsecond'
                  FROM generate_series(1, $5) g`,
          params: [s(), world.accountId, time() + 10_000_000, int(1, 3) * 1_000_000, int(2, 12)],
        };
      case "deleteStep":
        if (steps.length === 0) break;
        return { name: kind, sql: `DELETE FROM ai_session_steps WHERE id = $1`, params: [pick(steps)] };
      case "bulkDeleteSteps": {
        const from = time();
        return {
          name: kind,
          sql: `DELETE FROM ai_session_steps WHERE account_id = $1 AND (session_id = $2 OR $4) AND created_at BETWEEN ${at(3)} AND ${at(3)} + interval '8 seconds'`,
          params: [world.accountId, s(), from, rand() < 0.3],
        };
      }
      case "moveStepTime":
        if (steps.length === 0) break;
        return { name: kind, sql: `UPDATE ai_session_steps SET created_at = ${at(2)} WHERE id = $1`, params: [pick(steps), time()] };
      case "bulkShiftSteps":
        return {
          name: kind,
          sql: `UPDATE ai_session_steps SET created_at = created_at + $2::bigint * interval '1 microsecond' WHERE session_id = $1`,
          params: [s(), pick([-3_000_000, -1, 1, 2_000_000, 5_000_000])],
        };
      case "moveStepSession":
        if (steps.length === 0) break;
        return { name: kind, sql: `UPDATE ai_session_steps SET session_id = $2 WHERE id = $1`, params: [pick(steps), s()] };
      case "touchStep":
        // A write that does not change what counts.
        if (steps.length === 0) break;
        return { name: kind, sql: `UPDATE ai_session_steps SET step_type = 'edited', created_at = created_at WHERE id = $1`, params: [pick(steps)] };
      case "claim":
      case "reclaim":
        if (handoffs.length === 0) break;
        return { name: kind, sql: `UPDATE session_handoffs SET claimed_at = ${at(2)}, claimed_by = $3 WHERE id = $1`, params: [pick(handoffs), time(), world.userId] };
      case "unclaim":
        if (handoffs.length === 0) break;
        return { name: kind, sql: `UPDATE session_handoffs SET claimed_at = NULL, claimed_by = NULL WHERE id = $1`, params: [pick(handoffs)] };
      case "bulkClaim":
        return {
          name: kind,
          sql: `UPDATE session_handoffs SET claimed_at = ${at(2)} + (abs(hashtext(id::text)) % 5) * interval '1 second', claimed_by = $3
                 WHERE account_id = $1 AND (claimed_at IS NULL OR $4)`,
          params: [world.accountId, time(), world.userId, rand() < 0.3],
        };
      case "moveHandoff":
        if (handoffs.length === 0) break;
        return { name: kind, sql: `UPDATE session_handoffs SET session_id = $2 WHERE id = $1`, params: [pick(handoffs), s()] };
      case "insertHandoff":
        return {
          name: kind,
          sql: `INSERT INTO session_handoffs (session_id, account_id, handed_off_by, intent, snapshot, priority, claimed_at, claimed_by)
                VALUES ($1, $2, $3, 'stuck', '{}', 'normal', CASE WHEN $5 THEN ${at(4)} END, CASE WHEN $5 THEN $3::uuid END)`,
          params: [s(), world.accountId, world.userId, time(), rand() < 0.7],
        };
      case "bulkInsertHandoffs": {
        const n = int(2, 6);
        return {
          name: kind,
          sql: `INSERT INTO session_handoffs (session_id, account_id, handed_off_by, intent, snapshot, priority, claimed_at, claimed_by)
                SELECT x.s, $3, $4, 'bulk', '{}', 'low',
                       timestamptz '2026-01-01 00:00:00+00' + x.us * interval '1 microsecond', CASE WHEN x.us IS NOT NULL THEN $4::uuid END
                  FROM unnest($1::uuid[], $2::bigint[]) AS x(s, us)`,
          params: [Array.from({ length: n }, s), Array.from({ length: n }, () => (rand() < 0.2 ? null : time())), world.accountId, world.userId],
        };
      }
      case "insertUnclaimedThenClaim":
        return {
          name: kind,
          sql: `WITH h AS (
                  INSERT INTO session_handoffs (session_id, account_id, handed_off_by, intent, snapshot, priority)
                  VALUES ($1, $2, $3, 'stuck', '{}', 'normal') RETURNING id)
                SELECT id FROM h`,
          params: [s(), world.accountId, world.userId],
        };
      case "deleteHandoff":
        if (handoffs.length === 0) break;
        return { name: kind, sql: `DELETE FROM session_handoffs WHERE id = $1`, params: [pick(handoffs)] };
      case "forgeFirstAction":
        // A direct write to the derived column is replaced by the computed value.
        if (handoffs.length === 0) break;
        return { name: kind, sql: `UPDATE session_handoffs SET first_action_at = ${at(2)} WHERE id = $1`, params: [pick(handoffs), time()] };
      case "touchHandoff":
        if (handoffs.length === 0) break;
        return { name: kind, sql: `UPDATE session_handoffs SET priority = 'high' WHERE id = $1`, params: [pick(handoffs)] };
      case "truncateSteps":
        if (rand() < 0.8) break; // rare: it empties the world
        return { name: kind, sql: `TRUNCATE ai_session_steps`, params: [] };
    }
    return { name: "insertStep", sql: `INSERT INTO ai_session_steps ${stepCols} VALUES ($1, $2, 1, 'note', '{}', ${at(3)})`, params: [s(), world.accountId, time()] };
  };
}

describe("first_action_at under random writes", () => {
  const SEEDS = [11, 23, 47, 101, 2026];
  const BATCHES = 150;

  for (const seed of SEEDS) {
    it(`equals the definition after every batch (seed ${seed})`, async () => {
      const rand = seededRandom(seed);
      const client = await pool.connect();
      try {
        const world = await worldWithSessions(db, 5, `Random ${seed}`);
        const nextOp = makeOps(world, rand);
        let withAction = 0;
        let claimed = 0;
        for (let batch = 0; batch < BATCHES; batch++) {
          const { rows: stepRows } = await client.query<{ id: string }>(`SELECT id FROM ai_session_steps WHERE account_id = $1`, [world.accountId]);
          const { rows: handoffRows } = await client.query<{ id: string }>(`SELECT id FROM session_handoffs WHERE account_id = $1`, [world.accountId]);
          const steps = stepRows.map((r) => r.id);
          const handoffs = handoffRows.map((r) => r.id);
          const inTransaction = rand() < 0.5;
          const rollback = inTransaction && rand() < 0.15;
          const ops = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => nextOp(steps, handoffs));
          if (inTransaction) await client.query("BEGIN");
          for (const op of ops) {
            const result = await client.query<{ id?: string }>(op.sql, op.params);
            if (op.name === "insertUnclaimedThenClaim") {
              // Claimed by a second statement, inside the batch's transaction when there is one.
              await client.query(`UPDATE session_handoffs SET claimed_at = ${at(2)}, claimed_by = $3 WHERE id = $1`, [
                result.rows[0]!.id, Math.floor(rand() * 40) * 1_000_000, world.userId,
              ]);
            }
          }
          if (inTransaction) await client.query(rollback ? "ROLLBACK" : "COMMIT");

          const context = `seed ${seed}, batch ${batch}: ${ops.map((o) => o.name).join(", ")}${rollback ? " (rolled back)" : ""}`;
          expect(await mismatches(client, world.accountId), context).toEqual([]);
          if (rand() < 0.3) {
            // Folding makes the stored column exact and changes nothing readers see.
            expect(await foldAll(client), context).toBe(0);
            expect(await mismatches(client, world.accountId, "stored"), context).toEqual([]);
          }
          const { rows: [count] } = await client.query<{ claimed: number; with_action: number }>(
            `SELECT count(claimed_at)::int AS claimed, count(first_action_at)::int AS with_action FROM handoff_first_actions WHERE account_id = $1`,
            [world.accountId],
          );
          claimed += count!.claimed;
          withAction += count!.with_action;
        }
        // The run must have exercised handoffs with and without an action.
        expect(withAction).toBeGreaterThan(0);
        expect(claimed).toBeGreaterThan(withAction);
      } finally {
        client.release();
      }
    });
  }
});

describe("first_action_at under concurrent writers", () => {
  type Write = (c: pg.PoolClient, ctx: Scenario) => Promise<unknown>;
  type Scenario = World & { handoffId: string; otherSession: string; stepIds: string[] };

  const CLAIM_AT = 10_000_000;
  const insertStep = (us: number): Write => (c, w) =>
    c.query(`INSERT INTO ai_session_steps (session_id, account_id, step_order, step_type, content, created_at)
             VALUES ($1, $2, 1, 'note', '{}', ${at(3)})`, [w.sessions[0], w.accountId, us]);
  const claim = (us: number | null): Write => (c, w) =>
    c.query(`UPDATE session_handoffs SET claimed_at = ${at(2)}, claimed_by = CASE WHEN $2::bigint IS NULL THEN NULL ELSE $3::uuid END WHERE id = $1`,
      [w.handoffId, us, w.userId]);
  const insertClaimedHandoff: Write = (c, w) =>
    c.query(`INSERT INTO session_handoffs (session_id, account_id, handed_off_by, intent, snapshot, priority, claimed_at, claimed_by)
             VALUES ($1, $2, $3, 'stuck', '{}', 'normal', ${at(4)}, $3)`, [w.sessions[0], w.accountId, w.userId, CLAIM_AT]);
  const insertThenClaimHandoff: Write = async (c, w) => {
    const { rows: [h] } = await c.query<{ id: string }>(
      `INSERT INTO session_handoffs (session_id, account_id, handed_off_by, intent, snapshot, priority)
       VALUES ($1, $2, $3, 'stuck', '{}', 'normal') RETURNING id`, [w.sessions[0], w.accountId, w.userId]);
    await c.query(`UPDATE session_handoffs SET claimed_at = ${at(2)}, claimed_by = $3 WHERE id = $1`, [h!.id, CLAIM_AT, w.userId]);
  };
  const moveHandoffIn: Write = (c, w) =>
    c.query(`UPDATE session_handoffs SET session_id = $2 WHERE id = $1`, [w.handoffId, w.sessions[0]]);
  const deleteStep = (index: number): Write => (c, w) => c.query(`DELETE FROM ai_session_steps WHERE id = $1`, [w.stepIds[index]]);
  const moveStepTime = (index: number, us: number): Write => (c, w) =>
    c.query(`UPDATE ai_session_steps SET created_at = ${at(2)} WHERE id = $1`, [w.stepIds[index], us]);

  type Setup = { handoffIn: "first" | "other" | "none"; claimedAt: number | null; steps: number[] };
  // `expected`: the handoff's first_action_at at the end, in µs from the base (null: none).
  const scenarios: { name: string; setup: Setup; a: Write; b: Write; expected: number | null }[] = [
    { name: "step insert / claim", setup: { handoffIn: "first", claimedAt: null, steps: [5_000_000] }, a: insertStep(20_000_000), b: claim(CLAIM_AT), expected: 20_000_000 },
    { name: "step insert / re-claim later", setup: { handoffIn: "first", claimedAt: 1_000_000, steps: [] }, a: insertStep(20_000_000), b: claim(15_000_000), expected: 20_000_000 },
    { name: "step insert / un-claim", setup: { handoffIn: "first", claimedAt: 1_000_000, steps: [30_000_000] }, a: insertStep(20_000_000), b: claim(null), expected: null },
    { name: "step insert / insert of a claimed handoff", setup: { handoffIn: "none", claimedAt: null, steps: [] }, a: insertStep(20_000_000), b: insertClaimedHandoff, expected: 20_000_000 },
    { name: "step insert / handoff inserted then claimed", setup: { handoffIn: "none", claimedAt: null, steps: [] }, a: insertStep(20_000_000), b: insertThenClaimHandoff, expected: 20_000_000 },
    { name: "step insert / handoff moved into the session", setup: { handoffIn: "other", claimedAt: CLAIM_AT, steps: [] }, a: insertStep(20_000_000), b: moveHandoffIn, expected: 20_000_000 },
    { name: "step delete / insert of a claimed handoff", setup: { handoffIn: "none", claimedAt: null, steps: [20_000_000, 30_000_000] }, a: deleteStep(0), b: insertClaimedHandoff, expected: 30_000_000 },
    { name: "step delete / claim", setup: { handoffIn: "first", claimedAt: null, steps: [20_000_000, 30_000_000] }, a: deleteStep(0), b: claim(CLAIM_AT), expected: 30_000_000 },
    { name: "step delete / step delete", setup: { handoffIn: "first", claimedAt: CLAIM_AT, steps: [20_000_000, 30_000_000, 40_000_000] }, a: deleteStep(0), b: deleteStep(1), expected: 40_000_000 },
    { name: "step moved later / step insert", setup: { handoffIn: "first", claimedAt: CLAIM_AT, steps: [20_000_000, 30_000_000] }, a: moveStepTime(0, 50_000_000), b: insertStep(25_000_000), expected: 25_000_000 },
    { name: "step moved before the claim / claim", setup: { handoffIn: "first", claimedAt: null, steps: [20_000_000] }, a: moveStepTime(0, 5_000_000), b: claim(CLAIM_AT), expected: null },
  ];

  async function setUp(setup: Setup, label: string): Promise<Scenario> {
    const world = await worldWithSessions(db, 2, label);
    const [first, other] = world.sessions as [string, string];
    let handoffId = "";
    if (setup.handoffIn !== "none") {
      const { rows: [h] } = await pool.query<{ id: string }>(
        `INSERT INTO session_handoffs (session_id, account_id, handed_off_by, intent, snapshot, priority, claimed_at, claimed_by)
         VALUES ($1, $2, $3, 'stuck', '{}', 'normal', CASE WHEN $4::bigint IS NOT NULL THEN ${at(4)} END,
                 CASE WHEN $4::bigint IS NOT NULL THEN $3::uuid END) RETURNING id`,
        [setup.handoffIn === "first" ? first : other, world.accountId, world.userId, setup.claimedAt],
      );
      handoffId = h!.id;
    }
    const stepIds: string[] = [];
    for (const us of setup.steps) {
      const { rows: [s] } = await pool.query<{ id: string }>(
        `INSERT INTO ai_session_steps (session_id, account_id, step_order, step_type, content, created_at)
         VALUES ($1, $2, 1, 'note', '{}', ${at(3)}) RETURNING id`, [first, world.accountId, us]);
      stepIds.push(s!.id);
    }
    return { ...world, handoffId, otherSession: other, stepIds };
  }

  /** Resolves once the statement has finished or is waiting for a lock held by the other transaction. */
  async function finishedOrWaiting(pending: Promise<unknown>, pid: number) {
    let settled = false;
    void pending.then(() => (settled = true), () => (settled = true));
    for (;;) {
      if (settled) return "finished";
      const { rows: [row] } = await pool.query<{ wait: string | null }>(
        `SELECT wait_event_type AS wait FROM pg_stat_activity WHERE pid = $1`, [pid]);
      if (row?.wait === "Lock") return "waiting";
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** `first` writes and stays open while `second` writes (blocking if it must); then both commit in that order. */
  async function interleave(w: Scenario, first: Write, second: Write) {
    const a = await pool.connect();
    const b = await pool.connect();
    try {
      const { rows: [backend] } = await b.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
      await a.query("BEGIN");
      await b.query("BEGIN");
      await first(a, w);
      const pending = second(b, w);
      await finishedOrWaiting(pending, backend!.pid);
      await a.query("COMMIT");
      await pending;
      await b.query("COMMIT");
    } finally {
      a.release();
      b.release();
    }
  }

  for (const s of scenarios) {
    for (const order of ["a then b", "b then a"] as const) {
      it(`stays exact: ${s.name}, ${order}`, async () => {
        const w = await setUp(s.setup, `${s.name} ${order}`);
        if (order === "a then b") await interleave(w, s.a, s.b);
        else await interleave(w, s.b, s.a);
        expect(await mismatches(pool, w.accountId)).toEqual([]);
        const firstActions = async () => {
          const { rows } = await pool.query<{ us: string | null }>(
            `SELECT (extract(epoch FROM first_action_at - timestamptz '2026-01-01 00:00:00+00') * 1000000)::bigint::text AS us
               FROM handoff_first_actions WHERE account_id = $1`, [w.accountId]);
          return rows.map((r) => (r.us === null ? null : Number(r.us)));
        };
        expect(await firstActions()).toEqual([s.expected]);
        expect(await foldAll(pool)).toBe(0);
        expect(await mismatches(pool, w.accountId, "stored")).toEqual([]);
        expect(await firstActions()).toEqual([s.expected]);
      });
    }
  }
});
