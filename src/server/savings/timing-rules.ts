/**
 * What one baseline timing may be, defined once. The stopwatch form, the REST
 * POST, the CSV import in the app and the CLI import all validate through
 * `ZBaselineTimingInput`, so a value refused by one path is refused by all.
 *
 * Browser-safe (zod only): the import preview runs the same rules client-side.
 */
import { z } from "zod";

/** One week: nobody measures a verbal handoff longer than that by stopwatch. */
export const MAX_SECONDS = 604_800;
export const ENGINEER_NAME_MAX = 200;
export const NOTE_MAX = 2_000;
/** Timings per POST request, and data rows per imported file. */
export const MAX_TIMINGS_PER_REQUEST = 5_000;

/** Whether a finite number has at most 3 decimals (milliseconds). */
export function hasAtMostThreeDecimals(value: number): boolean {
  // toFixed(3) is exact enough here: every value ≤ 604 800 with 3 decimals
  // round-trips through a double, and one with a 4th decimal does not.
  return Number(value.toFixed(3)) === value;
}

const optionalText = (field: string, max: number) =>
  z
    .string()
    .max(max, `${field} must be at most ${max} characters`)
    // PostgreSQL text cannot hold NUL; refuse it here rather than fail on insert.
    .refine((s) => !s.includes("\u0000"), `${field} must not contain NUL characters`)
    .nullish()
    .transform((s) => {
      const clean = s?.trim();
      return clean ? clean : null;
    });

export const ZMeasuredAt = z.iso
  .datetime({ offset: true, error: "measured_at must be an ISO 8601 timestamp with an offset or Z, e.g. 2026-11-27T14:05:00Z" })
  .refine((s) => Date.parse(s) <= Date.now(), "measured_at may not be in the future")
  .meta({ description: "When the verbal handoff happened: ISO 8601 with an offset or Z; not in the future." });

// A pipe, so that the REST layer's string-to-number coercion (trpc-to-openapi
// sets it on plain number fields) cannot turn "30" into 30: a JSON string is
// not a number of seconds.
export const ZSeconds = z
  .number({ error: "seconds must be a number" })
  .pipe(
    z
      .number()
      .refine((n) => Number.isFinite(n), "seconds must be a finite number")
      .refine((n) => n > 0, "seconds must be greater than 0")
      .refine((n) => n <= MAX_SECONDS, `seconds must be at most ${MAX_SECONDS} (one week)`)
      .refine((n) => hasAtMostThreeDecimals(n), "seconds may have at most 3 decimals"),
  )
  .meta({ description: `Stopwatch time from the start of the verbal handoff to the engineer's first action: > 0, ≤ ${MAX_SECONDS}, at most 3 decimals.` });

export const ZBaselineTimingInput = z.object({
  measured_at: ZMeasuredAt,
  seconds: ZSeconds,
  engineer_name: optionalText("engineer_name", ENGINEER_NAME_MAX).meta({
    description: `Who took the handoff (free text, optional, at most ${ENGINEER_NAME_MAX} characters).`,
  }),
  note: optionalText("note", NOTE_MAX).meta({ description: `Anything worth knowing (optional, at most ${NOTE_MAX} characters).` }),
});
export type TBaselineTimingInput = z.input<typeof ZBaselineTimingInput>;
/** A timing that passed the rules: text trimmed, empty text as null. */
export type TBaselineTiming = z.output<typeof ZBaselineTimingInput>;

/** The rule failures of one timing, as short sentences without the field path. */
export function describeTimingIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => issue.message);
}
