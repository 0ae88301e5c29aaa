import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { baselineSide } from "@/server/savings/baseline-stats";
import { inProductSide } from "@/server/savings/in-product";
import { compareSides } from "@/server/savings/verdict";
import type { TWindowInput } from "@/server/api/routers/analytics/window.types";
import { SAVINGS_DEFINITION, SAVINGS_METHOD, type TSavingsOutput } from "./summary.types";

export async function savingsSummary(db: Db, accountId: string, input: TWindowInput): Promise<TSavingsOutput> {
  // One read-only snapshot: the metric, its deltas and the baseline see the
  // same rows and the same now().
  const { baseline, product } = await db.$transaction(
    async (tx) => ({
      product: await inProductSide(tx as unknown as Db, accountId, input),
      baseline: await baselineSide(tx, accountId),
    }),
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
  const { metric } = product;
  // The bootstrap runs after the transaction, so no connection waits on it.
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
