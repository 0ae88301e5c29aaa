/**
 * The in-product side of the comparison: the escalations metric itself for
 * n, mean, median and p95 (so the savings page and /escalations can never
 * disagree), and the deltas behind it for the bootstrap, selected with the
 * metric's own window and delta fragments (escalations.sql.ts). Both run in
 * one snapshot (summary.handler.ts), so they see the same handoffs and now().
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { statementsOn } from "@/server/db/statements";
import { escalationsMetric } from "@/server/api/routers/analytics/escalations.handler";
import type { TEscalationsResponse } from "@/server/api/routers/analytics/escalations.types";
import { deltasInScope, resolveScope } from "@/server/api/routers/analytics/window";
import type { TWindowInput } from "@/server/api/routers/analytics/window.types";

export type InProductSide = { metric: TEscalationsResponse; windowSeconds: number; values: number[] };

export async function inProductSide(db: Db, accountId: string, input: TWindowInput): Promise<InProductSide> {
  const scope = await resolveScope(db, accountId, input);
  const metric = await escalationsMetric(statementsOn(db), accountId, input);
  const [row] = await db.$queryRaw<{ values: number[] | null }[]>(Prisma.sql`
    SELECT array_agg(delta_us / 1000000 ORDER BY delta_us) AS values
      FROM ${deltasInScope(scope)}
     WHERE delta_us IS NOT NULL`);
  const values = row?.values ?? [];
  if (values.length !== metric.n_handoffs_with_action) {
    throw new Error(`in-product deltas (${values.length}) disagree with the metric (${metric.n_handoffs_with_action})`);
  }
  return { metric, windowSeconds: Number(scope.window.endUs - scope.window.startUs) / 1e6, values };
}
