/**
 * The escalations metric, computed entirely in PostgreSQL.
 *
 * Reads `first_action_at`, which triggers keep equal to "the first step of the
 * session strictly after claimed_at" (migration handoff_first_action_at), so
 * the window is one index-only range scan of
 * session_handoffs(account_id, claimed_at) INCLUDE (first_action_at) and only
 * one aggregate row reaches Node.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { METRIC_DEFINITION, PERIOD_DAYS, type Period, type TEscalationsOutput } from "./escalations.schema";

type Row = {
  window_start: Date;
  window_end: Date;
  n_claimed: number;
  n_with_action: number;
  avg_seconds: number | null;
  median_seconds: number | null;
  p95_seconds: number | null;
};

/** The handoffs in scope: the caller's account, claimed inside the window. */
export function claimedInWindow(accountId: string, windowSeconds: number): Prisma.Sql {
  // Both ends inclusive, measured in whole seconds (N × 86 400 s) rather than
  // calendar days, so a DST change cannot stretch it. A claim dated after
  // now() (a writer's clock running ahead) is outside.
  return Prisma.sql`
    h.account_id = ${accountId}::uuid
    AND h.claimed_at >= now() - make_interval(secs => ${windowSeconds})
    AND h.claimed_at <= now()`;
}

export async function escalationsMetric(db: Db, accountId: string, period: Period): Promise<TEscalationsOutput> {
  const windowSeconds = PERIOD_DAYS[period] * 86_400;
  // Deltas are whole microseconds (timestamptz's precision), so every step
  // below is exact until the final round(numeric, 3), which rounds half away
  // from zero.
  //
  // The median interpolates (percentile_cont: the mean of the two middle
  // values for an even count) while p95 is nearest rank (percentile_disc: an
  // observed delta, the smallest with at least 95 % of deltas at or below it).
  // That is the contract: a p95 should be a wait someone actually had, and
  // percentile_cont(0.95) would invent one between two observations.
  //
  // Speed: the delta is float8 (date_part), not numeric (extract), because
  // numeric arithmetic on every row dominated the query. It is still exact:
  // a whole number of microseconds, rounded from a value whose error is far
  // below half a microsecond for any delta under a century. Both percentiles
  // order by that same float8 column, so PostgreSQL sorts the deltas once and
  // shares the sort between them. The mean sums the deltas as bigint, which
  // PostgreSQL accumulates exactly. percentile_cont returns a whole or half
  // microsecond, exact in float8; doubling it gives an integer that numeric
  // halves again (a plain float8 → numeric cast keeps only 15 digits).
  //
  // OFFSET 0 keeps the inner query from being flattened into the aggregates,
  // which would evaluate the delta expression once per aggregate.
  //
  // first_action_at is strictly after claimed_at by construction; the floor at
  // 0 only guards against rows written around the triggers. (Not greatest():
  // it skips NULLs, and would turn "no action yet" into an action after 0 s.)
  const [row] = await db.$queryRaw<Row[]>`
    SELECT
      now() - make_interval(secs => ${windowSeconds}) AS window_start,
      now() AS window_end,
      count(*)::int AS n_claimed,
      count(delta_us)::int AS n_with_action,
      round(avg(delta_us::bigint) / 1000000, 3)::float8 AS avg_seconds,
      round((percentile_cont(0.5) WITHIN GROUP (ORDER BY delta_us) * 2)::bigint::numeric / 2000000, 3)::float8
        AS median_seconds,
      round((percentile_disc(0.95) WITHIN GROUP (ORDER BY delta_us))::bigint::numeric / 1000000, 3)::float8
        AS p95_seconds
    FROM (
      SELECT CASE WHEN raw_us < 0 THEN 0 ELSE raw_us END AS delta_us
      FROM (
        SELECT round(date_part('epoch', h.first_action_at - h.claimed_at) * 1000000) AS raw_us
        FROM session_handoffs h
        WHERE ${claimedInWindow(accountId, windowSeconds)}
        OFFSET 0
      ) raw
    ) deltas`;
  if (!row) throw new Error("aggregate returned no row");

  return {
    period,
    window_start: row.window_start.toISOString(),
    window_end: row.window_end.toISOString(),
    n_handoffs_claimed: row.n_claimed,
    n_handoffs_with_action: row.n_with_action,
    avg_seconds_to_first_action: row.avg_seconds,
    median_seconds_to_first_action: row.median_seconds,
    p95_seconds_to_first_action: row.p95_seconds,
    metric_definition: METRIC_DEFINITION,
  };
}
