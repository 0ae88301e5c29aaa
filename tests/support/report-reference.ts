/**
 * The escalations report in plain TypeScript, from raw handoffs and steps,
 * built on the metric's reference (escalations-reference.ts). It uses no
 * SQL and no first_action_at: the local calendar comes from Intl (ICU), the
 * statistics from referenceStats. Tests compare every endpoint with it.
 */
import { referenceStats, type RefResult } from "./escalations-reference";

export type ReportHandoff = {
  id: string;
  accountId: string;
  sessionId: string;
  claimedAtUs: bigint | null;
  claimedBy: string | null;
  priority: string;
};
export type ReportStep = { sessionId: string; createdAtUs: bigint };
export type RefWindow = { startUs: bigint; endUs: bigint; endInclusive: boolean };
export type RefFilters = { engineer?: string; priority?: string };

/** One claimed handoff in scope with its delta (µs, null without an action). */
export type RefRow = { id: string; sessionId: string; claimedAtUs: bigint; claimedBy: string | null; priority: string; deltaUs: bigint | null };

export function referenceRows(
  handoffs: readonly ReportHandoff[],
  steps: readonly ReportStep[],
  opts: { accountId: string; window: RefWindow; filters?: RefFilters },
): RefRow[] {
  const bySession = new Map<string, bigint[]>();
  for (const s of steps) bySession.set(s.sessionId, [...(bySession.get(s.sessionId) ?? []), s.createdAtUs]);
  const { window: w, filters = {} } = opts;
  const rows: RefRow[] = [];
  for (const h of handoffs) {
    if (h.accountId !== opts.accountId || h.claimedAtUs === null) continue;
    const t = h.claimedAtUs;
    if (t < w.startUs || t > w.endUs || (!w.endInclusive && t === w.endUs)) continue;
    if (filters.engineer !== undefined && h.claimedBy !== filters.engineer) continue;
    if (filters.priority !== undefined && h.priority !== filters.priority) continue;
    let first: bigint | null = null;
    for (const s of bySession.get(h.sessionId) ?? []) if (s > t && (first === null || s < first)) first = s;
    rows.push({ id: h.id, sessionId: h.sessionId, claimedAtUs: t, claimedBy: h.claimedBy, priority: h.priority, deltaUs: first === null ? null : first - t });
  }
  return rows;
}

export type RefStats = RefResult & { n_within_target: number | null };

export function referenceWindowStats(rows: readonly RefRow[], targetSeconds: number | null): RefStats {
  const deltas = rows.map((r) => r.deltaUs);
  const target = targetSeconds === null ? null : BigInt(targetSeconds) * 1_000_000n;
  return {
    ...referenceStats(deltas),
    n_within_target: target === null ? null : deltas.filter((d) => d !== null && d <= target).length,
  };
}

/** The local calendar date (YYYY-MM-DD) of an instant in an IANA zone. */
export function localDate(us: bigint, timeZone: string): string {
  const ms = Number(us / 1000n);
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(ms));
}

/** The Monday (YYYY-MM-DD) of the ISO week holding a date. */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** Rows per bucket label: the local date (or its Monday) of the claim; a claim at window_end joins the last bucket. */
export function referenceBuckets(rows: readonly RefRow[], w: RefWindow, timeZone: string, bucket: "day" | "week") {
  const groups = new Map<string, RefRow[]>();
  for (const r of rows) {
    const at = r.claimedAtUs === w.endUs ? w.endUs - 1n : r.claimedAtUs;
    const day = localDate(at, timeZone);
    const label = bucket === "day" ? day : mondayOf(day);
    groups.set(label, [...(groups.get(label) ?? []), r]);
  }
  return groups;
}

export const BAND_LIMITS_S: [number, number | null][] = [[0, 60], [60, 300], [300, 900], [900, 3600], [3600, 14400], [14400, null]];

export function referenceBands(rows: readonly RefRow[]): number[] {
  return BAND_LIMITS_S.map(([min, max]) =>
    rows.filter((r) => r.deltaUs !== null && r.deltaUs >= BigInt(min) * 1_000_000n && (max === null || r.deltaUs < BigInt(max) * 1_000_000n)).length);
}

/** The drill-down's order: newest claim first, then id descending. */
export function pageOrder(rows: readonly RefRow[]): RefRow[] {
  return [...rows].sort((a, b) =>
    a.claimedAtUs !== b.claimedAtUs ? (a.claimedAtUs > b.claimedAtUs ? -1 : 1) : a.id > b.id ? -1 : a.id < b.id ? 1 : 0);
}

/** Exact seconds (as the API writes them, e.g. "90.5" or "1.000001") back to µs. */
export function secondsTextToUs(text: string): bigint {
  const [whole, fraction = ""] = text.split(".");
  return BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, "0"));
}

/** µs as the exact JSON number the API sends for seconds_to_first_action. */
export function usToSeconds(us: bigint): number {
  const fraction = (us % 1_000_000n).toString().padStart(6, "0");
  return Number(`${us / 1_000_000n}.${fraction}`);
}

/** Group key order of /breakdown: count desc, then label, then key (byte order; nulls last). */
export function compareGroups(a: { n: number; label: string; key: string | null }, b: { n: number; label: string; key: string | null }) {
  if (a.n !== b.n) return b.n - a.n;
  if (a.label !== b.label) return Buffer.compare(Buffer.from(a.label), Buffer.from(b.label));
  if (a.key === b.key) return 0;
  if (a.key === null) return 1;
  if (b.key === null) return -1;
  return Buffer.compare(Buffer.from(a.key), Buffer.from(b.key));
}
