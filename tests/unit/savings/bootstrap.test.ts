/**
 * The bootstrap on known cases, and its shortcut (sampling the resample's
 * median from order-statistic distributions) against full enumeration of
 * every possible resample.
 */
import { describe, expect, it } from "vitest";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import {
  bootstrapMedianDifferences,
  medianDifferenceInterval,
  nearestRank,
  resampledMedianSampler,
  roundHalfAwayFromZero3,
} from "@/server/savings/bootstrap";
import { compareSides, MIN_SAMPLE_SIZE } from "@/server/savings/verdict";
import { referenceStats } from "../../support/escalations-reference";

/** Log-normal samples in whole milliseconds (as stored), from a seeded stream. */
function logNormalSample(seed: number, n: number, medianSeconds: number, sigma = 0.6): number[] {
  const rng = xoroshiro128plus(seed);
  const u = () => uniformFloat64(rng);
  return Array.from({ length: n }, () => {
    const z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    return Math.max(0.001, Math.round(medianSeconds * Math.exp(sigma * z) * 1000) / 1000);
  });
}

/** The contract's median of the values, via the metric's reference implementation (µs, exact). */
function medianOf(values: number[]): number | null {
  return referenceStats(values.map((s) => BigInt(Math.round(s * 1000)) * 1000n)).median_seconds_to_first_action;
}

const side = (values: number[]) => ({ values, median: medianOf(values) });
const claims = { inWindow: 100, windowSeconds: 30 * 86_400 };

describe("the resampled median's distribution", () => {
  // Every one of the n^n equally likely resamples, for small n: the exact
  // distribution of the resample's median. Values 10^i make each possible
  // median (a value, or the mean of two) a distinct number.
  function exactDistribution(n: number): Map<number, number> {
    const values = Array.from({ length: n }, (_, i) => 10 ** i);
    const counts = new Map<number, number>();
    const draw = new Array<number>(n).fill(0);
    const total = n ** n;
    for (let c = 0; c < total; c++) {
      let rest = c;
      for (let j = 0; j < n; j++) {
        draw[j] = rest % n;
        rest = Math.floor(rest / n);
      }
      const sorted = [...draw].sort((a, b) => a - b);
      const median = n % 2 ? values[sorted[(n - 1) / 2]!]! : (values[sorted[n / 2 - 1]!]! + values[sorted[n / 2]!]!) / 2;
      counts.set(median, (counts.get(median) ?? 0) + 1);
    }
    return new Map([...counts].map(([m, k]) => [m, k / total]));
  }

  // Chi-square critical values at α = 0.001 by degrees of freedom.
  const CRITICAL: Record<number, number> = { 1: 10.83, 2: 13.82, 4: 18.47, 5: 20.52, 9: 27.88, 20: 45.31 };

  for (const n of [2, 3, 4, 5, 6]) {
    it(`matches full enumeration for n = ${n}`, () => {
      const exact = exactDistribution(n);
      const values = Array.from({ length: n }, (_, i) => 10 ** i);
      const rng = xoroshiro128plus(1000 + n);
      const sample = resampledMedianSampler(values, () => uniformFloat64(rng));
      const draws = 200_000;
      const seen = new Map<number, number>();
      for (let i = 0; i < draws; i++) {
        const m = sample();
        seen.set(m, (seen.get(m) ?? 0) + 1);
      }
      // Nothing outside the possible medians…
      for (const m of seen.keys()) expect(exact.has(m), `median ${m}`).toBe(true);
      // …and the frequencies fit the exact probabilities.
      let chi2 = 0;
      for (const [m, p] of exact) chi2 += ((seen.get(m) ?? 0) - draws * p) ** 2 / (draws * p);
      const df = exact.size - 1;
      expect(CRITICAL[df], `critical value for df ${df}`).toBeDefined();
      expect(chi2).toBeLessThan(CRITICAL[df]!);
    });
  }
});

describe("bootstrap interval", () => {
  it("is deterministic: the same values in any order give the same interval", () => {
    const a = logNormalSample(1, 45, 500);
    const b = logNormalSample(2, 300, 120);
    const first = medianDifferenceInterval(a, b);
    expect(medianDifferenceInterval([...a].reverse(), [...b].reverse())).toEqual(first);
    expect(medianDifferenceInterval(a, b)).toEqual(first);
  });

  it("takes the 2.5th and 97.5th percentiles by nearest rank of 10 000 differences", () => {
    const differences = bootstrapMedianDifferences(logNormalSample(3, 30, 400), logNormalSample(4, 30, 100));
    expect(differences).toHaveLength(10_000);
    const interval = medianDifferenceInterval(logNormalSample(3, 30, 400), logNormalSample(4, 30, 100));
    expect(interval.low).toBe(roundHalfAwayFromZero3(differences[249]!));
    expect(interval.high).toBe(roundHalfAwayFromZero3(differences[9_749]!));
    expect(nearestRank([30, 60, 180], 0.95)).toBe(180);
  });

  it("finds two clearly separated samples faster, with the interval around the true difference", () => {
    // Population medians 600 s and 90 s: the true difference is 510 s.
    const result = compareSides(side(logNormalSample(11, 60, 600)), side(logNormalSample(12, 400, 90)), claims);
    expect(result.verdict).toBe("faster");
    expect(result.ci95!.low).toBeGreaterThan(0);
    expect(result.ci95!.low).toBeLessThanOrEqual(510);
    expect(result.ci95!.high).toBeGreaterThanOrEqual(510);
    expect(result.median_difference_seconds).toBeGreaterThan(result.ci95!.low);
    expect(result.median_difference_seconds).toBeLessThan(result.ci95!.high);
    expect(result.escalations_per_30_days).toBe(100);
    expect(result.minutes_recovered_per_escalation).toBe(roundHalfAwayFromZero3(result.median_difference_seconds! / 60));
    expect(result.minutes_recovered_per_30_days).toBe(roundHalfAwayFromZero3((result.median_difference_seconds! / 60) * 100));
  });

  it("calls two samples of one distribution inconclusive in at least 90 of 100 seeded trials", () => {
    let inconclusive = 0;
    for (let trial = 0; trial < 100; trial++) {
      const result = compareSides(
        side(logNormalSample(5_000 + trial, 40, 300)),
        side(logNormalSample(9_000 + trial, 120, 300)),
        claims,
      );
      if (result.verdict === "inconclusive") inconclusive++;
      else expect(result.verdict).not.toBe("insufficient_data");
    }
    expect(inconclusive).toBeGreaterThanOrEqual(90);
  });

  it("finds a slower product slower, and claims no minutes recovered", () => {
    const result = compareSides(side(logNormalSample(21, 50, 60)), side(logNormalSample(22, 200, 400)), claims);
    expect(result.verdict).toBe("slower");
    expect(result.ci95!.high).toBeLessThan(0);
    expect(result.median_difference_seconds).toBeLessThan(0);
    expect(result.escalations_per_30_days).toBe(100);
    expect(result.minutes_recovered_per_escalation).toBeNull();
    expect(result.minutes_recovered_per_30_days).toBeNull();
  });

  it("gives insufficient_data and nulls when either side has fewer than 20 values", () => {
    const enough = logNormalSample(31, MIN_SAMPLE_SIZE, 600);
    const few = logNormalSample(32, MIN_SAMPLE_SIZE - 1, 60);
    for (const [baseline, product] of [[enough, few], [few, enough], [few, few]] as const) {
      const result = compareSides(side(baseline), side(product), claims);
      expect(result).toEqual({
        median_difference_seconds: roundHalfAwayFromZero3(medianOf(baseline)! - medianOf(product)!),
        ci95: null,
        verdict: "insufficient_data",
        escalations_per_30_days: null,
        minutes_recovered_per_escalation: null,
        minutes_recovered_per_30_days: null,
      });
    }
    // No values on a side: no difference either.
    expect(compareSides(side([]), side(enough), claims).median_difference_seconds).toBeNull();
    expect(compareSides(side(enough), side([]), claims).median_difference_seconds).toBeNull();
    // Exactly 20 on both sides is enough.
    expect(compareSides(side(enough), side(logNormalSample(33, MIN_SAMPLE_SIZE, 60)), claims).verdict).not.toBe("insufficient_data");
  });
});

describe("roundHalfAwayFromZero3", () => {
  it("rounds as PostgreSQL's round(numeric, 3)", () => {
    expect(roundHalfAwayFromZero3(1.0005)).toBe(1.001);
    expect(roundHalfAwayFromZero3(-1.0005)).toBe(-1.001);
    expect(roundHalfAwayFromZero3(0.1 + 0.2)).toBe(0.3);
    expect(roundHalfAwayFromZero3(444.5 / 60)).toBe(7.408);
    expect(Object.is(roundHalfAwayFromZero3(-0.0001), 0)).toBe(true);
  });
});
