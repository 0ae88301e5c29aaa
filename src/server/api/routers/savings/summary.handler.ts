import type { Db } from "@/server/db/client";
import { baselineSide } from "@/server/savings/baseline-stats";
import { inProductSide } from "@/server/savings/in-product";
import { compareSides } from "@/server/savings/verdict";
import type { TWindowInput } from "@/server/api/routers/analytics/window.types";
import { SAVINGS_DEFINITION, SAVINGS_METHOD, type TSavingsOutput } from "./summary.types";

/**
 * `db` must be one REPEATABLE READ transaction (the procedure asks for it,
 * SUMMARY_ISOLATION), so the metric, its deltas and the baseline see the
 * same rows and the same now().
 */
export const SUMMARY_ISOLATION = "RepeatableRead";

export async function savingsSummary(db: Db, accountId: string, input: TWindowInput): Promise<TSavingsOutput> {
  const product = await inProductSide(db, accountId, input);
  const baseline = await baselineSide(db, accountId);
  const { metric } = product;
  const comparison = compareSides(
    { values: baseline.values, median: baseline.median_seconds },
    { values: product.values, median: metric.median_seconds_to_first_action },
    { inWindow: metric.n_handoffs_claimed, windowSeconds: product.windowSeconds },
  );
  return {
    window_start: metric.window_start,
    window_end: metric.window_end,
    baseline: {
      n: baseline.n,
      avg_seconds: baseline.avg_seconds,
      median_seconds: baseline.median_seconds,
      p95_seconds: baseline.p95_seconds,
      measured_from: baseline.measured_from,
      measured_to: baseline.measured_to,
    },
    in_product: {
      n: metric.n_handoffs_with_action,
      avg_seconds: metric.avg_seconds_to_first_action,
      median_seconds: metric.median_seconds_to_first_action,
      p95_seconds: metric.p95_seconds_to_first_action,
    },
    ...comparison,
    method: SAVINGS_METHOD,
    metric_definition: SAVINGS_DEFINITION,
  };
}
