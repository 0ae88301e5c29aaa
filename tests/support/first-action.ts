/**
 * Plain-SQL worlds for the first_action_at tests: other services write these
 * tables directly, so the tests do too, and hold what readers see to the
 * definition (the first step of the session strictly after the claim).
 */
import pg from "pg";
import type { Db } from "@/server/db/client";
import type { TestDatabase } from "./test-database";
import { buildWorld, insertSessions } from "./world";

/** Timestamps are microsecond offsets from one base, so ties and 1 µs gaps are common. */
const AT = `(timestamptz '2026-01-01 00:00:00+00' + $X::bigint * interval '1 microsecond')`;
export const at = (param: number) => AT.replace("$X", `$${param}`);

export type World = { accountId: string; userId: string; sessions: string[] };
export type Queryable = pg.Pool | pg.Client | pg.PoolClient;

/** An account and user from the shared world builder, with `sessions` sessions, as plain ids for SQL. */
export async function worldWithSessions(db: Db, sessions: number, label: string): Promise<World> {
  const world = await buildWorld(db, { accountName: label });
  return { accountId: world.accountId, userId: world.userId, sessions: await insertSessions(db, world, sessions) };
}

/**
 * Handoffs of the account whose first_action_at differs from the definition:
 * as readers see it (`handoff_first_actions`, pending recomputations folded
 * in), or as stored in `session_handoffs` (exact once everything is folded).
 */
export async function mismatches(q: Queryable, accountId: string, source: "readers" | "stored" = "readers") {
  const relation = source === "readers" ? "handoff_first_actions" : "session_handoffs";
  const { rows } = await q.query(
    `SELECT h.id, h.claimed_at::text, h.first_action_at::text AS actual, d.expected::text
       FROM ${relation} h
       CROSS JOIN LATERAL (
         SELECT CASE WHEN h.claimed_at IS NULL THEN NULL ELSE
           (SELECT min(s.created_at) FROM ai_session_steps s
             WHERE s.session_id = h.session_id AND s.created_at > h.claimed_at) END AS expected
       ) d
      WHERE h.account_id = $1 AND h.first_action_at IS DISTINCT FROM d.expected`,
    [accountId],
  );
  return rows;
}

/** Folds every pending recomputation; returns how many are left (locked by open writers). */
export async function foldAll(q: Queryable): Promise<number> {
  while ((await q.query<{ n: number }>(`SELECT flowpilot_fold_first_actions() AS n`)).rows[0]!.n > 0);
  const { rows: [left] } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM first_action_pending`);
  return left!.n;
}

/** Ends the pool (and the client the worlds were built with), waits until the server has closed its backends, then drops the database. */
export async function endPoolAndDrop(pool: pg.Pool | undefined, database: TestDatabase | undefined, db?: Db) {
  await Promise.all([pool?.end(), db?.$disconnect()]);
  if (!database) return;
  // pool.end() resolves before the server has closed the backends; dropping
  // the database under them would surface as an error on a closed client.
  const probe = new pg.Client({ connectionString: database.url });
  await probe.connect();
  for (;;) {
    const { rows } = await probe.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    if (rows[0]!.n === 0) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  await probe.end();
  await database.drop();
}
