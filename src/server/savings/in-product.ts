/**
 * The in-product side of the comparison: the escalations metric itself for
 * n, mean, median and p95 (so the savings page and /escalations can never
 * disagree), and the deltas behind it for the bootstrap, selected with the
 * metric's own window and delta fragments (escalations.sql.ts). Both run in
 * one snapshot (summary.handler.ts), so they see the same handoffs and now().
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { escalationsMetric } from "@/server/api/routers/analytics/escalations.handler";
import { claimedInWindow, handoffsWithFirstAction, microsToFirstAction, periodWindow } from "@/server/api/routers/analytics/escalations.sql";
import { PERIOD_DAYS, type Period, type TEscalationsResponse } from "@/server/api/routers/analytics/escalations.types";

export type InProductSide = { metric: TEscalationsResponse; windowSeconds: number; values: number[] };

export async function inProductSide(db: Db, accountId: string, period: Period): Promise<InProductSide> {
  const metric = await escalationsMetric(db, accountId, period);
  const [row] = await db.$queryRaw<{ values: number[] | null }[]>(Prisma.sql`
    SELECT array_agg(delta_us / 1000000 ORDER BY delta_us) AS values
    FROM (
      SELECT ${microsToFirstAction()} AS delta_us
      FROM ${handoffsWithFirstAction} h
      WHERE ${claimedInWindow(periodWindow(accountId, period))}
      OFFSET 0
    ) deltas
    WHERE delta_us IS NOT NULL`);
  const values = row?.values ?? [];
  if (values.length !== metric.n_handoffs_with_action) {
    throw new Error(`in-product deltas (${values.length}) disagree with the metric (${metric.n_handoffs_with_action})`);
  }
  return { metric, windowSeconds: PERIOD_DAYS[period] * 86_400, values };
}
