/**
 * The one sentence a pilot may say, from the verdict field and nothing else:
 * it never claims more than the verdict allows (docs/savings.md).
 */
import type { TSavingsOutput } from "@/server/api/routers/savings/summary.types";
import { MIN_SAMPLE_SIZE } from "@/server/savings/verdict";
import { formatDuration } from "@/lib/format";

type Summary = Pick<TSavingsOutput, "verdict" | "baseline" | "in_product" | "median_difference_seconds" | "ci95">;

const range = (s: Summary) => (s.ci95 ? `95 % interval ${formatSigned(s.ci95.low)} to ${formatSigned(s.ci95.high)}` : "");

/** Seconds with a sign for an interval end: "−1m 5s", "+7m 24s". */
export function formatSigned(seconds: number): string {
  if (seconds === 0) return "0s";
  return `${seconds < 0 ? "−" : "+"}${formatDuration(Math.abs(seconds))}`;
}

export function verdictSentence(s: Summary): string {
  switch (s.verdict) {
    case "insufficient_data": {
      const needBaseline = s.baseline.n < MIN_SAMPLE_SIZE;
      const needProduct = s.in_product.n < MIN_SAMPLE_SIZE;
      if (needBaseline && needProduct) {
        return `Not enough data yet: ${s.baseline.n} of the ${MIN_SAMPLE_SIZE} baseline timings and ${s.in_product.n} of the ${MIN_SAMPLE_SIZE} in-product handoffs needed.`;
      }
      if (needBaseline) return `Not enough baseline timings yet: ${s.baseline.n} of the ${MIN_SAMPLE_SIZE} needed.`;
      return `Not enough handoffs with an action in this window yet: ${s.in_product.n} of the ${MIN_SAMPLE_SIZE} needed.`;
    }
    case "inconclusive":
      return `Inconclusive: the interval includes no change (${range(s)}).`;
    case "faster":
      return `Faster with FlowPilot: the median handoff gets its first action ${formatDuration(s.median_difference_seconds)} sooner than the manual baseline (${range(s)}).`;
    case "slower":
      return `Slower with FlowPilot: the median handoff waits ${formatDuration(Math.abs(s.median_difference_seconds ?? 0))} longer than the manual baseline (${range(s)}).`;
  }
}
