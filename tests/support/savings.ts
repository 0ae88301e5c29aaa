/** Shared inputs for the baseline's tests: every entry path is refused the same timings. */

export const BASELINE_CSV_HEADER = "measured_at,seconds,engineer_name,note";
export const PAST = "2026-11-20T09:14:03Z";

/** Timings the contract refuses, each with the reason the refusal must name. */
export const REFUSED_TIMINGS: [string, Record<string, unknown>, RegExp][] = [
  ["zero seconds", { measured_at: PAST, seconds: 0 }, /greater than 0/],
  ["negative seconds", { measured_at: PAST, seconds: -1 }, /greater than 0/],
  ["over a week", { measured_at: PAST, seconds: 604_800.001 }, /at most 604800/],
  ["four decimals", { measured_at: PAST, seconds: 1.2345 }, /3 decimals/],
  ["seconds as text", { measured_at: PAST, seconds: "30" }, /number/],
  ["no seconds", { measured_at: PAST }, /number/],
  ["future measured_at", { measured_at: "2999-01-01T00:00:00Z", seconds: 30 }, /future/],
  ["no offset", { measured_at: "2026-11-20T09:14:03", seconds: 30 }, /ISO 8601/],
  ["not a date", { measured_at: "yesterday", seconds: 30 }, /ISO 8601/],
  ["impossible date", { measured_at: "2026-02-30T10:00:00Z", seconds: 30 }, /ISO 8601/],
  ["long name", { measured_at: PAST, seconds: 30, engineer_name: "x".repeat(201) }, /200 characters/],
  ["long note", { measured_at: PAST, seconds: 30, note: "x".repeat(2_001) }, /2000 characters/],
  ["NUL in note", { measured_at: PAST, seconds: 30, note: "a\u0000b" }, /NUL/],
];

/** The refused timings that can be written as a CSV line (seconds is a number). */
export function refusedCsvLines(): string[] {
  return REFUSED_TIMINGS.filter(([, t]) => typeof t.seconds === "number").map(([, t]) =>
    [t.measured_at, t.seconds, t.engineer_name ?? "", t.note ?? ""].join(","),
  );
}
