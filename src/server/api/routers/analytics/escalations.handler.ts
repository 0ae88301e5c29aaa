/**
 * The escalations metric, computed entirely in PostgreSQL.
 *
 * Reads `first_action_at`, which triggers keep equal to "the first step of the
 * session strictly after claimed_at" (migration handoff_first_action_at), so
 * the window is one index-only range scan of
 * session_handoffs(account_id, claimed_at) INCLUDE (first_action_at) and no
 * per-handoff row reaches Node.
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
  // Window ends are both inclusive, measured in whole seconds (N × 86 400 s)
  // rather than calendar days, so a DST change cannot stretch it.
  return Prisma.sql`
    h.account_id = ${accountId}::uuid
    AND h.claimed_at >= now() - make_interval(secs => ${windowSeconds})
    AND h.claimed_at <= now()`;
}

export async function escalationsMetric(db: Db, accountId: string, period: Period): Promise<TEscalationsOutput> {
  const windowSeconds = PERIOD_DAYS[period] * 86_400;
  // The median interpolates (percentile_cont: the mean of the two middle
  // values for an even count), while p95 is nearest-rank (percentile_disc:
  // an actual observed delta, the smallest with ≥ 95 % of deltas at or below
  // it). That is what the contract defines; percentile_cont(0.95) would
  // report a delta nobody waited. percentile_cont only takes float8; deltas
  // carry at most 13 significant digits, which float8 holds exactly, and the
  // cast back to numeric before round() keeps the half-away-from-zero rule.
  const [row] = await db.$queryRaw<Row[]>`
    WITH deltas AS MATERIALIZED (
      SELECT greatest(extract(epoch FROM h.first_action_at - h.claimed_at), 0) AS delta
      FROM session_handoffs h
      WHERE ${claimedInWindow(accountId, windowSeconds)}
    )
    SELECT
      now() - make_interval(secs => ${windowSeconds}) AS window_start,
      now() AS window_end,
      count(*)::int AS n_claimed,
      count(delta)::int AS n_with_action,
      round(avg(delta), 3)::float8 AS avg_seconds,
      round((percentile_cont(0.5) WITHIN GROUP (ORDER BY delta::float8))::numeric, 3)::float8 AS median_seconds,
      round(percentile_disc(0.95) WITHIN GROUP (ORDER BY delta), 3)::float8 AS p95_seconds
    FROM deltas`;
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
