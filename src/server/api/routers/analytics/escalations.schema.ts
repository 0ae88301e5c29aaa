/**
 * Input and output of `analytics.escalations`, defined once. The tRPC
 * procedure, the REST route and its OpenAPI document, the UI and the tests
 * all import these.
 */
import { z } from "zod";

export const PERIODS = ["7d", "30d", "90d"] as const;
export const DEFAULT_PERIOD = "30d" satisfies Period;
export const PERIOD_DAYS = { "7d": 7, "30d": 30, "90d": 90 } as const satisfies Record<Period, number>;

export const ZPeriod = z.enum(PERIODS).meta({
  description: "Window length, ending now. 7d, 30d or 90d; 30d when omitted.",
});
export type Period = z.infer<typeof ZPeriod>;

export const ZEscalationsInput = z.object({
  period: ZPeriod.default(DEFAULT_PERIOD),
});
export type TEscalationsInput = z.input<typeof ZEscalationsInput>;

export const METRIC_DEFINITION =
  "Seconds from a handoff's claim to the first step on the same session strictly after the claim, " +
  "over claimed handoffs of your account whose claim falls in the window. This is a response-time " +
  "measure, not minutes recovered: a savings claim needs it paired with the manual baseline " +
  "(stopwatch timings of verbal handoffs).";

const seconds = (what: string) =>
  z.number().nullable().meta({
    description: `${what} seconds from claim to first action, rounded to 3 decimals; null when no handoff has an action.`,
  });

export const ZEscalationsOutput = z.object({
  period: ZPeriod,
  window_start: z.iso.datetime().meta({ description: "Start of the window (inclusive), now − N days, UTC." }),
  window_end: z.iso.datetime().meta({ description: "End of the window (inclusive): the database's now() at the request." }),
  n_handoffs_claimed: z.number().int().nonnegative().meta({ description: "Claimed handoffs whose claim falls in the window." }),
  n_handoffs_with_action: z.number().int().nonnegative().meta({ description: "Of those, handoffs with at least one step after the claim." }),
  avg_seconds_to_first_action: seconds("Mean"),
  median_seconds_to_first_action: seconds("Median (mean of the two middle values for an even count)"),
  p95_seconds_to_first_action: seconds("95th percentile (nearest rank)"),
  metric_definition: z.string().meta({ description: "What the number means, and what it does not claim." }),
});
export type TEscalationsOutput = z.infer<typeof ZEscalationsOutput>;
