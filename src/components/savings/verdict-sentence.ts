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

type Recovered = Pick<
  TSavingsOutput,
  "verdict" | "minutes_recovered_per_escalation" | "escalations_per_30_days" | "minutes_recovered_per_30_days"
>;

/**
 * The minutes a "faster" verdict recovers, in words: the server's numbers
 * rounded as a person would say them ("about 5.2 minutes", "52 escalations"),
 * not its three decimals, which read as more precision than an estimate
 * has. Null when the verdict allows no such claim.
 */
export function minutesRecoveredSentence(s: Recovered): string | null {
  if (s.verdict !== "faster" || s.minutes_recovered_per_escalation === null || s.minutes_recovered_per_30_days === null) {
    return null;
  }
  const round = (n: number, digits: number) => n.toLocaleString("en-US", { maximumFractionDigits: digits });
  return (
    `About ${round(s.minutes_recovered_per_escalation, 1)} minutes recovered per escalation; at ` +
    `${round(s.escalations_per_30_days ?? 0, 0)} escalations per 30 days, about ` +
    `${round(s.minutes_recovered_per_30_days, 0)} minutes per 30 days.`
  );
}
