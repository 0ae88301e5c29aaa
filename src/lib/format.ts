/**
 * Human formatting for durations, ages, counts and rates. Pure functions, so
 * the server and the browser render the same text (no hydration mismatch)
 * and tests can pin them down.
 */

const NO_VALUE = "—";

/**
 * A duration in seconds as people say it: "4.2s", "45s", "1m 30s", "2h 5m",
 * "3d 4h". Under ten seconds keeps one decimal, since fast responses are the
 * point; longer spans drop units too small to matter.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return NO_VALUE;
  const s = Math.max(seconds, 0);
  if (s === 0) return "0s";
  const tenths = Math.round(s * 10) / 10;
  if (tenths === 0) return "<0.1s";
  if (tenths < 10) return `${tenths}s`;
  const whole = Math.round(s);
  if (whole < 60) return `${whole}s`;
  if (whole < 3_600) {
    const m = Math.floor(whole / 60);
    const rest = whole % 60;
    return rest ? `${m}m ${rest}s` : `${m}m`;
  }
  const minutes = Math.round(s / 60);
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest ? `${h}h ${rest}m` : `${h}h`;
  }
  const hours = Math.round(s / 3_600);
  const d = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${d}d ${rest}h` : `${d}d`;
}

/** How long ago, from an age in seconds: "just now", "5m ago", "3h ago", "2d ago". */
export function formatAge(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return NO_VALUE;
  const s = Math.max(seconds, 0);
  if (s < 60) return "just now";
  if (s < 3_600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86_400) return `${Math.floor(s / 3_600)}h ago`;
  return `${Math.floor(s / 86_400)}d ago`;
}

/** Exact seconds for a tooltip or screen reader: "90.123 seconds". */
export function formatSecondsExact(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "no value";
  const n = seconds.toLocaleString("en-US", { maximumFractionDigits: 3 });
  return `${n} ${seconds === 1 ? "second" : "seconds"}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/**
 * A share as a percentage ("92.5%"), for showing two counts the server sent
 * side by side. Never used to derive a metric value.
 */
export function formatRate(part: number, whole: number): string {
  if (!whole) return NO_VALUE;
  const pct = (part / whole) * 100;
  // Avoid claiming 100% when one handoff is still missing its action.
  const shown = part < whole && pct > 99.9 ? 99.9 : pct;
  return `${shown.toLocaleString("en-US", { maximumFractionDigits: 1 })}%`;
}

/** A timestamp in UTC, the same on every machine: "27 Nov 2026, 14:05 UTC". */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return NO_VALUE;
  const date = d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const time = d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" });
  return `${date}, ${time} UTC`;
}

/** How a number moved against its previous period, for a metric where lower is better. */
export type Change =
  | { kind: "better" | "worse"; percent: string }
  | { kind: "same" }
  /** No comparison: either side has no value, or the previous one is zero (no percentage of nothing). */
  | { kind: "none" };

/**
 * The change from `previous` to `current` as a whole-number percentage
 * ("12%"), for lower-is-better times. Both numbers come from the server as
 * they are; this only compares them for display.
 */
export function describeChange(current: number | null | undefined, previous: number | null | undefined): Change {
  if (current == null || previous == null || !Number.isFinite(current) || !Number.isFinite(previous) || previous <= 0) {
    return { kind: "none" };
  }
  const pct = Math.round((Math.abs(current - previous) / previous) * 100);
  if (pct === 0) return { kind: "same" };
  return { kind: current < previous ? "better" : "worse", percent: `${pct.toLocaleString("en-US")}%` };
}

/** A calendar date label (YYYY-MM-DD) as "16 Nov", without reinterpreting it in the browser's zone. */
export function formatDayLabel(label: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (!match) return label;
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}
