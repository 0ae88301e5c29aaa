/**
 * `analytics.escalations` as one contract: periods and their labels, the zod
 * request and response (which the tRPC procedure, the REST route, its
 * OpenAPI document, the UI and the tests all import), the OpenAPI meta and
 * the documented example. What the numbers mean: docs/metric.md.
 */
import { z } from "zod";
import type { OpenApiMeta } from "trpc-to-openapi";

export const PERIODS = ["7d", "30d", "90d"] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD = "30d" satisfies Period;
/** The window of the queue's stat-card. */
export const QUEUE_CARD_PERIOD = DEFAULT_PERIOD satisfies Period;
export const PERIOD_DAYS = { "7d": 7, "30d": 30, "90d": 90 } as const satisfies Record<Period, number>;
/** For sentences: "No claimed escalations in the last 30 days." */
export const PERIOD_WORDS = { "7d": "7 days", "30d": "30 days", "90d": "90 days" } as const satisfies Record<Period, string>;

export const ZPeriod = z.enum(PERIODS).meta({
  description: "Window length, ending now. 7d, 30d or 90d; 30d when omitted.",
});

export const ZEscalationsRequestSchema = z.object({
  period: ZPeriod.default(DEFAULT_PERIOD),
});
export type TEscalationsRequest = z.input<typeof ZEscalationsRequestSchema>;

export const METRIC_DEFINITION =
  "Seconds from a handoff's claim to the first step on the same session strictly after the claim, " +
  "over claimed handoffs of your account whose claim falls in the window. This is a response-time " +
  "measure, not minutes recovered: a savings claim needs it paired with the manual baseline " +
  "(stopwatch timings of verbal handoffs).";

const seconds = (what: string) =>
  z.number().nullable().meta({
    description: `${what} seconds from claim to first action, rounded to 3 decimals; null when no handoff has an action.`,
  });

const responseShape = z.object({
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
export type TEscalationsResponse = z.infer<typeof responseShape>;

/** Deltas 30, 60 and 180 s: docs/metric.md's worked example. */
export const ESCALATIONS_EXAMPLE: TEscalationsResponse = {
  period: "30d",
  window_start: "2026-10-28T12:00:00.000Z",
  window_end: "2026-11-27T12:00:00.000Z",
  n_handoffs_claimed: 3,
  n_handoffs_with_action: 3,
  avg_seconds_to_first_action: 90,
  median_seconds_to_first_action: 60,
  p95_seconds_to_first_action: 180,
  metric_definition: METRIC_DEFINITION,
};

export const ZEscalationsResponseSchema = responseShape.meta({ example: ESCALATIONS_EXAMPLE });

export const escalationsMeta = {
  openapi: {
    method: "GET",
    path: "/analytics/flowpilot/escalations",
    tags: ["analytics"],
    summary: "Time from claim to first action on escalated sessions",
    description:
      "Average, median and p95 seconds from a handoff's claim to the first step after it, " +
      "over the caller's account. Needs the engineer or admin role.",
    protect: true,
    errorResponses: {
      401: "Not authenticated: no session and no valid API key.",
      403: "Role too low: needs the engineer or admin role.",
      422: "Invalid input, for example period=1d.",
      429: "Too many requests for this API key; see Retry-After.",
      500: "Internal server error.",
      503: "The database is unavailable; try again shortly.",
    },
  },
} satisfies OpenApiMeta;
