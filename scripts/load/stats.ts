/**
 * The load test's arithmetic, kept free of I/O so it can be tested:
 * percentiles, the per-kind summary, the outage analysis of `--fault`, the
 * memory slope of `--soak`, and the markdown tables they print.
 */

/** One answered (or failed) request, as the load generator saw it. */
export type Sample = {
  kind: string;
  /** ms since the run's clock started, when the answer (or the error) arrived */
  at: number;
  latencyMs: number;
  /** HTTP status; 0 for a socket error or a timeout (no answer at all) */
  status: number;
};

/** Nearest-rank percentile of already sorted values (p in 0..100); null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export type KindSummary = {
  kind: string;
  requests: number;
  perSecond: number;
  p50: number | null;
  p99: number | null;
  ok: number;
  /** 429s where the kind expects them (a key sent over its limit on purpose) */
  deliberate429: number;
  /** every other answer that is not 2xx, by status ("0" = no answer) */
  errors: Record<string, number>;
};

export const errorCount = (s: Pick<KindSummary, "errors">) => Object.values(s.errors).reduce((a, b) => a + b, 0);

/**
 * Per-kind counts and latencies over `seconds` of traffic. `expected` maps a
 * kind to statuses that are its normal answers besides 2xx (the over-limit
 * key's 429, a claim that lost its race: 409); everything else is an error.
 */
export function summarize(
  samples: readonly Sample[],
  seconds: number,
  expected: Record<string, readonly number[]> = {},
): KindSummary[] {
  const byKind = new Map<string, Sample[]>();
  for (const s of samples) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
  return [...byKind.entries()].map(([kind, list]) => {
    const latencies = list.map((s) => s.latencyMs).sort((a, b) => a - b);
    const errors: Record<string, number> = {};
    let ok = 0;
    let deliberate429 = 0;
    for (const s of list) {
      if (s.status >= 200 && s.status < 300) ok++;
      else if (expected[kind]?.includes(s.status)) {
        if (s.status === 429) deliberate429++;
        else ok++;
      } else errors[String(s.status)] = (errors[String(s.status)] ?? 0) + 1;
    }
    return {
      kind, requests: list.length, perSecond: seconds > 0 ? list.length / seconds : 0,
      p50: percentile(latencies, 50), p99: percentile(latencies, 99), ok, deliberate429, errors,
    };
  });
}

/** All kinds together, for the mixed load's overall p99. */
export function overall(samples: readonly Sample[], seconds: number, expected: Record<string, readonly number[]> = {}): KindSummary {
  const [all] = summarize(samples.map((s) => ({ ...s, kind: "all" })), seconds, {
    all: [...new Set(Object.values(expected).flat())],
  });
  return all ?? { kind: "all", requests: 0, perSecond: 0, p50: null, p99: null, ok: 0, deliberate429: 0, errors: {} };
}

const ms = (v: number | null) => (v === null ? "–" : `${v.toFixed(1)} ms`);
const describeErrors = (e: Record<string, number>) =>
  Object.keys(e).length === 0
    ? "0"
    : Object.entries(e).map(([status, n]) => `${n} × ${status === "0" ? "no answer" : status}`).join(", ");

/** The per-kind table, markdown, ready to paste into docs/performance.md. */
export function kindTable(rows: readonly KindSummary[], offered?: Record<string, number>): string {
  const lines = [
    "| kind | offered req/s | req/s | p50 | p99 | 2xx | deliberate 429 | errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const r of rows) {
    const o = offered?.[r.kind];
    lines.push(
      `| ${r.kind} | ${o === undefined ? "max" : o.toFixed(0)} | ${r.perSecond.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.ok} | ${r.deliberate429} | ${describeErrors(r.errors)} |`,
    );
  }
  return lines.join("\n");
}

/** Least-squares line through (x, y) points: slope, intercept and r². */
export function linearRegression(points: readonly { x: number; y: number }[]): { slope: number; intercept: number; r2: number } {
  const n = points.length;
  if (n < 2) return { slope: 0, intercept: points[0]?.y ?? 0, r2: 0 };
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx, r2: sxx === 0 || syy === 0 ? 0 : (sxy * sxy) / (sxx * syy) };
}

/**
 * The soak's verdict. The first `warmupFraction` of the samples is left out:
 * a fresh server's heap grows to its working size before it levels off, and
 * that is not a leak. Growth means a slope above `maxSlopeMbPerMin` over the
 * rest.
 */
export function memoryTrend(
  samples: readonly { atMs: number; rssBytes: number }[],
  { warmupFraction = 0.2, maxSlopeMbPerMin = 0.5 } = {},
): { slopeMbPerMin: number; r2: number; startMb: number; endMb: number; samples: number; growing: boolean; maxSlopeMbPerMin: number } {
  const kept = samples.slice(Math.floor(samples.length * warmupFraction));
  const { slope, r2 } = linearRegression(kept.map((s) => ({ x: s.atMs / 60_000, y: s.rssBytes / 2 ** 20 })));
  return {
    slopeMbPerMin: slope,
    r2,
    startMb: (kept[0]?.rssBytes ?? 0) / 2 ** 20,
    endMb: (kept.at(-1)?.rssBytes ?? 0) / 2 ** 20,
    samples: kept.length,
    growing: slope > maxSlopeMbPerMin,
    maxSlopeMbPerMin,
  };
}

export type OutageReport = {
  /** statuses answered while the database was down, by status */
  duringOutage: Record<string, number>;
  /**
   * whether every failed answer during the outage was a 503 (a 2xx computed
   * just before the stop, or the over-limit key's 429, is not a failure)
   */
  only503: boolean;
  /**
   * ms from the database accepting connections again to the last failed
   * answer (5xx or none) after it; 0 when nothing failed after it
   */
  recoveryMs: number;
  /** failed answers after the database was back */
  failuresAfterUp: number;
};

/**
 * What the app answered around an outage of the database from `downAt` to
 * `upAt` (ms on the samples' clock). An answer counts as "during" when it
 * arrived between the two; a request sent just before the stop that was
 * answered after it is judged by its answer, which is what a client sees.
 */
export function analyzeOutage(samples: readonly Sample[], downAt: number, upAt: number): OutageReport {
  const duringOutage: Record<string, number> = {};
  let lastFailure = -Infinity;
  let failuresAfterUp = 0;
  for (const s of samples) {
    const failed = s.status === 0 || s.status >= 500;
    if (s.at >= downAt && s.at <= upAt) duringOutage[String(s.status)] = (duringOutage[String(s.status)] ?? 0) + 1;
    else if (s.at > upAt && failed) {
      failuresAfterUp++;
      lastFailure = Math.max(lastFailure, s.at);
    }
  }
  const only503 = Object.keys(duringOutage).every((status) => status === "503" || status === "429" || /^2\d\d$/.test(status));
  return { duringOutage, only503, recoveryMs: lastFailure === -Infinity ? 0 : lastFailure - upAt, failuresAfterUp };
}
