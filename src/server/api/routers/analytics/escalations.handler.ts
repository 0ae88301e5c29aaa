import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { METRIC_DEFINITION, type Period, type TEscalationsResponse } from "./escalations.types";
import {
  claimedInWindow, firstActionStats, handoffsWithFirstAction, microsToFirstAction, periodWindow, type FirstActionStatsRow,
} from "./escalations.sql";

type Row = FirstActionStatsRow & { window_start: Date; window_end: Date };

/**
 * The escalations metric (docs/metric.md), one aggregate row computed in
 * PostgreSQL. It reads first_action_at, which triggers keep equal to the
 * definition, through handoffsWithFirstAction; without pending
 * recomputations the window is one index-only range scan of
 * session_handoffs(account_id, claimed_at) INCLUDE (first_action_at, session_id).
 */
export async function escalationsMetric(db: Db, accountId: string, period: Period): Promise<TEscalationsResponse> {
  const window = periodWindow(accountId, period);
  // OFFSET 0 keeps the subquery from being flattened into the aggregates,
  // which would evaluate the delta expression once per aggregate.
  const [row] = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT ${window.start} AS window_start, ${window.end} AS window_end, ${firstActionStats()}
    FROM (
      SELECT ${microsToFirstAction()} AS delta_us
      FROM ${handoffsWithFirstAction} h
      WHERE ${claimedInWindow(window)}
      OFFSET 0
    ) deltas`);
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
