/**
 * The in-product side of the comparison: the escalations metric itself for
 * n, mean, median and p95 (so the savings page and /escalations can never
 * disagree), and the deltas behind it for the bootstrap, selected with the
 * metric's own window predicate. Both run in one snapshot (summary.ts), so
 * they see the same handoffs and the same now().
 */
import type { Db } from "@/server/db/client";
import { claimedInWindow, escalationsMetric } from "@/server/api/routers/analytics/escalations.handler";
import { PERIOD_DAYS, type Period, type TEscalationsOutput } from "@/server/api/routers/analytics/escalations.schema";

export type InProductSide = { metric: TEscalationsOutput; windowSeconds: number; values: number[] };

export async function inProductSide(db: Db, accountId: string, period: Period): Promise<InProductSide> {
  const windowSeconds = PERIOD_DAYS[period] * 86_400;
  const metric = await escalationsMetric(db, accountId, period);
  // Floored at 0 like the metric (a guard against rows written around the
  // triggers; first_action_at is strictly after claimed_at otherwise).
  const [row] = await db.$queryRaw<{ values: number[] | null }[]>`
    SELECT array_agg(greatest(date_part('epoch', h.first_action_at - h.claimed_at), 0) ORDER BY h.first_action_at - h.claimed_at)
      AS values
    FROM session_handoffs h
    WHERE ${claimedInWindow(accountId, windowSeconds)}
      AND h.first_action_at IS NOT NULL`;
  const values = row?.values ?? [];
  if (values.length !== metric.n_handoffs_with_action) {
    throw new Error(`in-product deltas (${values.length}) disagree with the metric (${metric.n_handoffs_with_action})`);
  }
  return { metric, windowSeconds, values };
}
