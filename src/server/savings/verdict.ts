/**
 * From the two sides' numbers to the claim: the median difference, its
 * interval, the verdict and the figures that depend on it, by the contract's
 * rules (docs/savings.md). Pure, so the rules are tested without a database.
 */
import { medianDifferenceInterval, roundHalfAwayFromZero3, type Interval } from "./bootstrap";

/** Fewer values than this on either side and no interval or verdict is given. */
export const MIN_SAMPLE_SIZE = 20;
const SECONDS_PER_30_DAYS = 30 * 86_400;

export const VERDICTS = ["faster", "slower", "inconclusive", "insufficient_data"] as const;
export type Verdict = (typeof VERDICTS)[number];

export type SideValues = {
  /** Every value of the side (seconds); order does not matter. */
  values: ArrayLike<number>;
  /** The side's median as reported (rounded to 3 decimals), or null when it has no values. */
  median: number | null;
};

export type Comparison = {
  median_difference_seconds: number | null;
  ci95: Interval | null;
  verdict: Verdict;
  escalations_per_30_days: number | null;
  minutes_recovered_per_escalation: number | null;
  minutes_recovered_per_30_days: number | null;
};

export function compareSides(
  baseline: SideValues,
  product: SideValues,
  claims: { inWindow: number; windowSeconds: number },
  options: { resamples?: number; seed?: number } = {},
): Comparison {
  const difference =
    baseline.median !== null && product.median !== null ? roundHalfAwayFromZero3(baseline.median - product.median) : null;
  if (difference === null || baseline.values.length < MIN_SAMPLE_SIZE || product.values.length < MIN_SAMPLE_SIZE) {
    return {
      median_difference_seconds: difference,
      ci95: null,
      verdict: "insufficient_data",
      escalations_per_30_days: null,
      minutes_recovered_per_escalation: null,
      minutes_recovered_per_30_days: null,
    };
  }
  const ci95 = medianDifferenceInterval(baseline.values, product.values, options);
  const verdict: Verdict = ci95.low > 0 ? "faster" : ci95.high < 0 ? "slower" : "inconclusive";
  const perThirtyDays = (claims.inWindow * SECONDS_PER_30_DAYS) / claims.windowSeconds;
  const minutesPerEscalation = difference / 60;
  return {
    median_difference_seconds: difference,
    ci95,
    verdict,
    escalations_per_30_days: roundHalfAwayFromZero3(perThirtyDays),
    minutes_recovered_per_escalation: verdict === "faster" ? roundHalfAwayFromZero3(minutesPerEscalation) : null,
    minutes_recovered_per_30_days: verdict === "faster" ? roundHalfAwayFromZero3(minutesPerEscalation * perThirtyDays) : null,
  };
}
