/**
 * The window and filters every escalations endpoint accepts (`period` or
 * `from`/`to`, `engineer`, `priority`, `tz`), defined once. Each endpoint's
 * input is `windowInput({...its own parameters})`, so the rules below apply
 * to all of them alike, over REST and tRPC.
 *
 * REST query values arrive as a string, as an array when a parameter is
 * repeated, and as "" when given empty. Neither an array nor "" may fall
 * back to a default, so each parameter is a string schema whose messages
 * name the rule that failed (numbers are parsed from strings for the same
 * reason: trpc-to-openapi would coerce "" to 0 for a z.number()).
 *
 * One rule needs the database: `to` may not be later than the database's
 * now(). It is checked where the window is resolved (window.ts), and a
 * `tz` is checked there against PostgreSQL's own zone list.
 */
import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/server/api/schemas";
import { DEFAULT_PERIOD, PERIODS } from "./period.types";

export const MAX_WINDOW_DAYS = 366;
export const US_PER_SECOND = 1_000_000n;
export const US_PER_DAY = 86_400n * US_PER_SECOND;

/** The rules' messages, one place, so tests and docs can name them. */
export const WINDOW_RULES = {
  repeated: "was given more than once; give it once",
  empty: "was given empty; leave it out or give a value",
  bothOrNeither: "from and to go together: give both or neither",
  notWithPeriod: "period cannot be combined with from/to",
  fromBeforeTo: "from must be before to",
  maxLength: `the window may be at most ${MAX_WINDOW_DAYS} days long`,
  notInFuture: "to may not be later than now",
  timestamp: "must be an ISO 8601 timestamp with an offset or Z, e.g. 2026-11-01T00:00:00Z",
  uuid: "must be a user id (a UUID)",
  timeZone: "must be an IANA time zone name, e.g. Europe/Berlin",
} as const;

/** One query parameter's text: rejects a repeated or empty value with a message naming the rule. */
export function queryText(description: string, max = 200) {
  return z
    .string({
      error: (issue) => (Array.isArray(issue.input) ? WINDOW_RULES.repeated : "must be text"),
    })
    .min(1, WINDOW_RULES.empty)
    .max(max, `must be at most ${max} characters`)
    .refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE })
    .meta({ description });
}

/** A query parameter with a fixed set of values (repeated or empty: 422 naming the rule). */
export function queryEnum<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z
    .enum(values, {
      error: (issue) =>
        Array.isArray(issue.input)
          ? WINDOW_RULES.repeated
          : issue.input === ""
            ? WINDOW_RULES.empty
            : `must be one of ${values.join(", ")}`,
    })
    .meta({ description });
}

/**
 * A non-negative decimal number: text in a query string (`12`, `0.5`), or a
 * number from tRPC callers, checked by the same rules.
 */
export function queryNumber(description: string, opts: { integer?: boolean; min?: number; max?: number } = {}) {
  const pattern = opts.integer ? /^\d{1,9}$/ : /^\d{1,9}(\.\d{1,6})?$/;
  const kind = opts.integer ? "a whole number" : "a non-negative number with at most 6 decimals";
  const text = queryText(description, 20).regex(pattern, `must be ${kind}`);
  return z
    .preprocess((value) => (typeof value === "number" ? String(value) : value), text)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(opts.min ?? 0, `must be at least ${opts.min ?? 0}`)
        .max(opts.max ?? Number.MAX_SAFE_INTEGER, `must be at most ${opts.max ?? Number.MAX_SAFE_INTEGER}`),
    )
    .meta({ description, override: { type: "string", pattern: pattern.source } });
}

const ZTimestamp = z.iso.datetime({ offset: true, error: WINDOW_RULES.timestamp });
const timestamp = (description: string) => queryText(description, 40).pipe(ZTimestamp);

/** The shared parameters' shapes (without the cross-field rules). */
export const windowShape = {
  period: z
    .enum(PERIODS)
    .meta({
      description: `Window length, ending now: 7d, 30d or 90d. ${DEFAULT_PERIOD} when neither period nor from/to is given.`,
      // Applied when the window is resolved (a zod default would hide whether period was given with from/to).
      default: DEFAULT_PERIOD,
    })
    .optional(),
  from: timestamp("Start of a custom window (inclusive), ISO 8601 with an offset or Z. Needs `to`; not with `period`.")
    .optional(),
  to: timestamp("End of a custom window (inclusive), not later than now; at most 366 days after `from`.").optional(),
  engineer: queryText("Only handoffs claimed by this user id.", 64)
    .pipe(z.guid({ error: WINDOW_RULES.uuid }))
    .optional(),
  priority: queryText("Only handoffs with exactly this priority.").optional(),
  tz: queryText("IANA time zone for calendar buckets; default the account's time zone.", 64)
    .regex(/^[A-Za-z0-9_+\-/]+$/, WINDOW_RULES.timeZone)
    .optional(),
};

type WindowFields = {
  period?: string;
  from?: string;
  to?: string;
};

/** Exact microseconds since the epoch of an ISO 8601 timestamp with an offset (already validated). */
export function isoToMicros(iso: string): bigint {
  const match = /^(.*T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}(?::?\d{2})?)$/i.exec(iso);
  if (!match) throw new Error(`not an ISO timestamp: ${iso}`);
  const [, base, fraction = "", offset] = match;
  const wholeMs = Date.parse(`${base}${offset}`);
  // Digits past the microsecond cannot be stored by timestamptz; PostgreSQL rounds them, and so do we.
  const us = Math.round(Number(`0.${fraction || "0"}`) * 1e6);
  return BigInt(wholeMs) * 1000n + BigInt(us);
}

/** The cross-field rules of the shared window, applied once to every endpoint's input. */
function checkWindow(input: WindowFields, ctx: z.RefinementCtx) {
  const custom = input.from !== undefined || input.to !== undefined;
  if (!custom) return;
  if (input.period !== undefined) {
    ctx.addIssue({ code: "custom", path: ["period"], message: WINDOW_RULES.notWithPeriod });
    return;
  }
  if (input.from === undefined || input.to === undefined) {
    ctx.addIssue({ code: "custom", path: [input.from === undefined ? "from" : "to"], message: WINDOW_RULES.bothOrNeither });
    return;
  }
  // A malformed timestamp is already reported on its own field; zod still runs this check.
  if (!ZTimestamp.safeParse(input.from).success || !ZTimestamp.safeParse(input.to).success) return;
  const from = isoToMicros(input.from);
  const to = isoToMicros(input.to);
  if (from >= to) ctx.addIssue({ code: "custom", path: ["from"], message: WINDOW_RULES.fromBeforeTo });
  else if (to - from > BigInt(MAX_WINDOW_DAYS) * US_PER_DAY) {
    ctx.addIssue({ code: "custom", path: ["to"], message: WINDOW_RULES.maxLength });
  }
}

/** An endpoint's input: the shared window parameters plus its own, with the window's rules. */
export function windowInput<Extra extends z.ZodRawShape>(extra: Extra) {
  return z.object({ ...windowShape, ...extra }).superRefine((input, ctx) => checkWindow(input as WindowFields, ctx));
}

/** Just the shared parameters (what /escalations had, plus the window and filters). */
export const ZWindowInput = windowInput({});
export type TWindowInput = z.output<typeof ZWindowInput>;

/** `period` in responses: the period asked for, or "custom" for a from/to window. */
export const ZWindowPeriod = z.enum([...PERIODS, "custom"]).meta({
  description: 'The period asked for, or "custom" when the window was given as from/to.',
});

export const ZWindowBounds = {
  window_start: z.iso.datetime().meta({ description: "Start of the window used (inclusive), UTC." }),
  window_end: z.iso.datetime().meta({ description: "End of the window used (inclusive), UTC." }),
};

