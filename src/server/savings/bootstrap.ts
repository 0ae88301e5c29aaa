/**
 * The percentile-bootstrap interval for "baseline median − in-product
 * median", deterministic and fast.
 *
 * Deterministic: a fixed seed and a named generator (xoroshiro128+ from
 * pure-rand), each side's values sorted before resampling, and each side drawn
 * from its own stream (the second stream is the first one jumped 2^64 steps
 * ahead, xoroshiro's way to make non-overlapping sequences). Same data, same
 * interval.
 *
 * Fast: a resample's median needs no resample. Resampling n sorted values
 * with replacement means drawing n indices uniformly from 0…n−1; because the
 * values are sorted, the resample's k-th smallest value is the value at the
 * k-th smallest drawn index. That index has a known distribution: if U(k) is
 * the k-th smallest of n uniforms on [0, 1), floor(n·U(k)) is the k-th
 * smallest of n uniform indices (floor is monotone), and U(k) ~ Beta(k, n−k+1).
 * For an even n the median also needs the (k+1)-th: given U(k) = u, the other
 * n−k uniforms are uniform on (u, 1), so U(k+1) = u + (1−u)·V with V the
 * smallest of n−k uniforms, V = 1 − (1−W)^(1/(n−k)) for one more uniform W.
 * So each resample costs a handful of random numbers instead of n draws and a
 * selection: exactly the same distribution as the textbook bootstrap, at
 * O(1) per resample (tests/unit/savings/bootstrap.test.ts checks it against
 * full enumeration).
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

export const BOOTSTRAP_RESAMPLES = 10_000;
export const BOOTSTRAP_SEED = 20_261_128;
export const BOOTSTRAP_GENERATOR = "xoroshiro128plus";
/** Two-sided 95 %: the 2.5th and 97.5th percentiles of the resampled differences. */
export const BOOTSTRAP_LOWER = 0.025;
export const BOOTSTRAP_UPPER = 0.975;

export type Interval = { low: number; high: number };
type Uniform = () => number;

function uniformStream(seed: number, jumps: number): Uniform {
  const rng = xoroshiro128plus(seed);
  for (let i = 0; i < jumps; i++) rng.jump();
  return () => uniformFloat64(rng);
}

/**
 * Gamma(shape, 1) for shape ≥ 1, by Marsaglia and Tsang's method (2000),
 * with standard normals from the polar method.
 *
 * Hand-written: pure-rand only provides uniform values, and no maintained
 * sampler for Beta/Gamma variates is among the project's dependencies. The
 * method is short and standard; the enumeration test pins its output down.
 */
function gammaSampler(uniform: Uniform): (shape: number) => number {
  let spare: number | null = null;
  const normal = () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    for (;;) {
      const u = 2 * uniform() - 1;
      const v = 2 * uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const m = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * m;
        return u * m;
      }
    }
  };
  return (shape) => {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const t = 1 + c * x;
      if (t <= 0) continue;
      const v = t * t * t;
      const u = uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  };
}

/**
 * A sampler of the median of a bootstrap resample of `sorted` (ascending,
 * n ≥ 1): interpolated as the metric's median is, the mean of the two middle
 * values for an even n.
 */
export function resampledMedianSampler(sorted: ArrayLike<number>, uniform: Uniform): () => number {
  const n = sorted.length;
  if (n === 0) throw new Error("cannot resample an empty sample");
  const gamma = gammaSampler(uniform);
  const k = n % 2 === 1 ? (n + 1) / 2 : n / 2; // 1-based rank of the (lower) middle value
  const indexOf = (u: number) => Math.min(n - 1, Math.floor(n * u));
  return () => {
    // U(k) ~ Beta(k, n−k+1) = X / (X + Y) with X ~ Gamma(k), Y ~ Gamma(n−k+1).
    const x = k === 1 ? -Math.log1p(-uniform()) : gamma(k);
    const b = n - k + 1;
    const y = b === 1 ? -Math.log1p(-uniform()) : gamma(b);
    const uk = x / (x + y);
    const lower = sorted[indexOf(uk)]!;
    if (n % 2 === 1) return lower;
    // U(k+1) = U(k) + (1 − U(k))·V, V the smallest of n−k uniforms.
    const v = -Math.expm1(Math.log1p(-uniform()) / (n - k));
    return (lower + sorted[indexOf(uk + (1 - uk) * v)]!) / 2;
  };
}

/** The values in the fixed order resampling starts from: ascending. */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** The p-quantile of sorted values by nearest rank: the smallest value with at least p of the values at or below it. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  const rank = Math.max(1, Math.ceil(p * sorted.length - 1e-9));
  return sorted[rank - 1]!;
}

/**
 * The 10 000 resampled differences (baseline median − in-product median),
 * sorted; each side resampled independently at its own size.
 */
export function bootstrapMedianDifferences(
  baseline: ArrayLike<number>,
  product: ArrayLike<number>,
  options: { resamples?: number; seed?: number } = {},
): Float64Array {
  const resamples = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const seed = options.seed ?? BOOTSTRAP_SEED;
  const baselineMedian = resampledMedianSampler(sortedCopy(baseline), uniformStream(seed, 0));
  const productMedian = resampledMedianSampler(sortedCopy(product), uniformStream(seed, 1));
  const differences = new Float64Array(resamples);
  for (let i = 0; i < resamples; i++) differences[i] = baselineMedian() - productMedian();
  return differences.sort();
}

/** The 95 % percentile-bootstrap interval of the median difference, rounded as the metric rounds. */
export function medianDifferenceInterval(
  baseline: ArrayLike<number>,
  product: ArrayLike<number>,
  options: { resamples?: number; seed?: number } = {},
): Interval {
  const differences = bootstrapMedianDifferences(baseline, product, options);
  return {
    low: roundHalfAwayFromZero3(nearestRank(differences, BOOTSTRAP_LOWER)),
    high: roundHalfAwayFromZero3(nearestRank(differences, BOOTSTRAP_UPPER)),
  };
}

/**
 * round(x, 3) as PostgreSQL rounds numeric: half away from zero. Applied to
 * values that are already sums/halves of 3-decimal numbers, so the decimal
 * string of the double is the value meant.
 */
export function roundHalfAwayFromZero3(x: number): number {
  const sign = x < 0 ? -1 : 1;
  // toFixed(6) first strips binary noise (0.1 + 0.2) before the decisive digit is read.
  const scaled = Number((Math.abs(x) * 1000).toFixed(6));
  const result = (sign * Math.round(scaled)) / 1000;
  return result === 0 ? 0 : result; // no -0 in JSON
}
