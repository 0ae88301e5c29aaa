/**
 * The savings comparison's bootstrap at the size the issue sets: 10 000
 * resamples over 5 000 baseline and 70 000 in-product values, target ≤ 300 ms.
 * Pure computation (no database): the values are log-normal, as response
 * times are, from a fixed seed. Timed end to end, including the sorted
 * copies the bootstrap makes of both sides.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { BOOTSTRAP_RESAMPLES, medianDifferenceInterval } from "@/server/savings/bootstrap";
import { measure, type Timing } from "./read-path";

export const BOOTSTRAP_TARGET_MS = 300;
const BASELINE_VALUES = 5_000;
const PRODUCT_VALUES = 70_000;

function logNormal(seed: number, n: number, medianSeconds: number): Float64Array {
  const rng = xoroshiro128plus(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - uniformFloat64(rng))) * Math.cos(2 * Math.PI * uniformFloat64(rng));
    out[i] = Math.round(medianSeconds * Math.exp(0.8 * z) * 1000) / 1000 || 0.001;
  }
  return out;
}

export type BootstrapBench = { baseline: number; product: number; resamples: number; timing: Timing; interval: { low: number; high: number } };

export async function benchBootstrap(warmup = 3, runs = 20): Promise<BootstrapBench> {
  const baseline = logNormal(1, BASELINE_VALUES, 540);
  const product = logNormal(2, PRODUCT_VALUES, 95);
  const { timing, result } = await measure(async () => medianDifferenceInterval(baseline, product), warmup, runs);
  return { baseline: BASELINE_VALUES, product: PRODUCT_VALUES, resamples: BOOTSTRAP_RESAMPLES, timing, interval: result };
}

export function describeBootstrapBench(b: BootstrapBench): string[] {
  const ok = b.timing.p95 <= BOOTSTRAP_TARGET_MS;
  return [
    `Savings bootstrap: ${b.resamples.toLocaleString("en-US")} resamples over ${b.baseline.toLocaleString("en-US")} baseline + ` +
      `${b.product.toLocaleString("en-US")} in-product values: p50 ${b.timing.p50.toFixed(1)} ms, p95 ${b.timing.p95.toFixed(1)} ms ` +
      `(${b.timing.runs.length} runs; interval ${b.interval.low} … ${b.interval.high} s)`,
    `  ${ok ? "PASS" : "FAIL"}  bootstrap p95 ≤ ${BOOTSTRAP_TARGET_MS} ms  (${b.timing.p95.toFixed(1)} ms)`,
  ];
}
