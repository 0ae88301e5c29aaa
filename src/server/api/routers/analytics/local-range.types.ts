/**
 * Input and output of `analytics.localRange`: a custom range picked as two
 * calendar dates in the account's time zone, turned into the instants the
 * report's `from`/`to` take. tRPC only (the analytics page's date inputs);
 * REST clients send instants themselves.
 */
import { z } from "zod";
import { MAX_WINDOW_DAYS } from "./window.types";

export const LOCAL_RANGE_RULES = {
  date: "must be a date, YYYY-MM-DD",
  fromNotAfterTo: "the first day must not be after the last day",
  notInFuture: "the last day may not be later than today",
  maxLength: `the range may be at most ${MAX_WINDOW_DAYS} days long`,
} as const;

// Years PostgreSQL's date type and the report both handle; year 0 is not a date.
const ZLocalDate = z.iso
  .date({ error: LOCAL_RANGE_RULES.date })
  .refine((d) => d >= "1970-01-01" && d <= "9999-12-30", { message: LOCAL_RANGE_RULES.date });

export const ZLocalRangeInput = z
  .object({ from: ZLocalDate, to: ZLocalDate })
  .refine((r) => r.from <= r.to, { path: ["from"], message: LOCAL_RANGE_RULES.fromNotAfterTo });
export type TLocalRangeInput = z.input<typeof ZLocalRangeInput>;

export const ZLocalRangeOutput = z.object({
  /** The first day's local midnight, ISO 8601 UTC with six fractional digits. */
  from: z.string(),
  /** The local midnight after the last day, or now when the last day is today. */
  to: z.string(),
  time_zone: z.string(),
});
export type TLocalRangeOutput = z.infer<typeof ZLocalRangeOutput>;
