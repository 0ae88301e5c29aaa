/**
 * The escalations metric as the contract defines it, in plain TypeScript,
 * from raw handoffs and steps. It deliberately does not use first_action_at
 * or any SQL: tests compare the production query against it.
 *
 * Times are integer microseconds since the epoch (bigint), timestamptz's own
 * precision, so every comparison and sum is exact; the only rounding is the
 * final half-away-from-zero to 3 decimals.
 */

export type RefHandoff = { accountId: string; sessionId: string; claimedAtUs: bigint | null };
export type RefStep = { sessionId: string; createdAtUs: bigint };

export type RefResult = {
  n_handoffs_claimed: number;
  n_handoffs_with_action: number;
  avg_seconds_to_first_action: number | null;
  median_seconds_to_first_action: number | null;
  p95_seconds_to_first_action: number | null;
};

export const US_PER_SECOND = 1_000_000n;
export const US_PER_DAY = 86_400n * US_PER_SECOND;

/** numerator / denominator rounded half away from zero to an integer (denominator > 0). */
export function divRoundHalfAway(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new Error("denominator must be positive");
  const sign = numerator < 0n ? -1n : 1n;
  const abs = numerator * sign;
  return sign * ((2n * abs + denominator) / (2n * denominator));
}

/** An exact number of seconds, numerator/denominator µs, as a JSON number with 3 decimals. */
export function secondsRounded3(numeratorUs: bigint, denominator = 1n): number {
  const ms = divRoundHalfAway(numeratorUs, denominator * 1000n);
  return Number(ms) / 1000;
}

/** The deltas (µs) of the handoffs in scope: one per claimed handoff in the window, null without action. */
export function referenceDeltas(
  handoffs: readonly RefHandoff[],
  steps: readonly RefStep[],
  opts: { accountId: string; nowUs: bigint; days: number },
): (bigint | null)[] {
  const windowStartUs = opts.nowUs - BigInt(opts.days) * US_PER_DAY;
  const stepsBySession = new Map<string, bigint[]>();
  for (const step of steps) {
    const list = stepsBySession.get(step.sessionId) ?? [];
    list.push(step.createdAtUs);
    stepsBySession.set(step.sessionId, list);
  }
  const deltas: (bigint | null)[] = [];
  for (const h of handoffs) {
    if (h.accountId !== opts.accountId || h.claimedAtUs === null) continue;
    if (h.claimedAtUs < windowStartUs || h.claimedAtUs > opts.nowUs) continue;
    let first: bigint | null = null;
    for (const t of stepsBySession.get(h.sessionId) ?? []) {
      if (t > h.claimedAtUs && (first === null || t < first)) first = t;
    }
    deltas.push(first === null ? null : first - h.claimedAtUs);
  }
  return deltas;
}

/** Count, mean, interpolated median and nearest-rank p95 of the deltas, per the contract. */
export function referenceStats(deltas: readonly (bigint | null)[]): RefResult {
  const acted = deltas
    .filter((d): d is bigint => d !== null)
    .map((d) => (d < 0n ? 0n : d))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = acted.length;
  if (n === 0) {
    return {
      n_handoffs_claimed: deltas.length,
      n_handoffs_with_action: 0,
      avg_seconds_to_first_action: null,
      median_seconds_to_first_action: null,
      p95_seconds_to_first_action: null,
    };
  }
  const sum = acted.reduce((a, b) => a + b, 0n);
  const mid = Math.floor(n / 2);
  const median =
    n % 2 === 1 ? secondsRounded3(acted[mid]!) : secondsRounded3(acted[mid - 1]! + acted[mid]!, 2n);
  // Nearest rank: the smallest rank r with r ≥ 0.95·n, i.e. ceil(95n / 100).
  const rank = Number((95n * BigInt(n) + 99n) / 100n);
  return {
    n_handoffs_claimed: deltas.length,
    n_handoffs_with_action: n,
    avg_seconds_to_first_action: secondsRounded3(sum, BigInt(n)),
    median_seconds_to_first_action: median,
    p95_seconds_to_first_action: secondsRounded3(acted[rank - 1]!),
  };
}

export function referenceMetric(
  handoffs: readonly RefHandoff[],
  steps: readonly RefStep[],
  opts: { accountId: string; nowUs: bigint; days: number },
): RefResult {
  return referenceStats(referenceDeltas(handoffs, steps, opts));
}

/** µs since the epoch as an ISO timestamp with all six fractional digits, for SQL literals. */
export function usToIso(us: bigint): string {
  const ms = us / 1000n - (us % 1000n < 0n ? 1n : 0n);
  const subMs = us - ms * 1000n;
  const iso = new Date(Number(ms)).toISOString(); // …T12:00:00.123Z
  return `${iso.slice(0, -1)}${subMs.toString().padStart(3, "0")}Z`;
}
