/**
 * `analytics.escalations` as one contract: periods and their labels, the zod
 * request and response (which the tRPC procedure, the REST route, its
 * OpenAPI document, the UI and the tests all import), the OpenAPI meta and
 * the documented example. What the numbers mean: docs/metric.md.
 */
import { z } from "zod";
import type { OpenApiMeta } from "trpc-to-openapi";
import { queryEnum, windowInput, ZWindowBounds, ZWindowPeriod } from "./window.types";

export {
  DEFAULT_PERIOD, PERIOD_DAYS, PERIOD_WORDS, PERIODS, QUEUE_CARD_PERIOD, ZPeriod, type Period,
} from "./period.types";

export const ZEscalationsRequestSchema = windowInput({
  compare: queryEnum(["previous"], "previous: add the same numbers over the window of the same length just before this one.")
    .optional(),
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

/** The counts and seconds of one set of handoffs: the window, a series bucket, a breakdown group. */
export const ZHandoffStats = {
  n_handoffs_claimed: z.number().int().nonnegative().meta({ description: "Claimed handoffs whose claim falls in the window." }),
  n_handoffs_with_action: z.number().int().nonnegative().meta({ description: "Of those, handoffs with at least one step after the claim." }),
  n_within_target: z.number().int().nonnegative().nullable().meta({
    description: "Of those with an action, handoffs whose delta is at most target_seconds; null when the account has no target.",
  }),
  avg_seconds_to_first_action: seconds("Mean"),
  median_seconds_to_first_action: seconds("Median (mean of the two middle values for an even count)"),
  p95_seconds_to_first_action: seconds("95th percentile (nearest rank)"),
};

export const ZTargetSeconds = z.number().int().positive().nullable().meta({
  description: "The account's target for time to first action, in seconds; null when it has none.",
});

const ZPreviousWindow = z
  .object({ ...ZWindowBounds, ...ZHandoffStats, target_seconds: ZTargetSeconds })
  .meta({
    description:
      "The same numbers over the window of the same length just before this one: [window_start − L, window_start), " +
      "so previous.window_end is this window's window_start, excluded.",
  });

const responseShape = z.object({
  // The metric's fields first, in their original order; the report's additions after them.
  period: ZWindowPeriod,
  ...ZWindowBounds,
  n_handoffs_claimed: ZHandoffStats.n_handoffs_claimed,
  n_handoffs_with_action: ZHandoffStats.n_handoffs_with_action,
  avg_seconds_to_first_action: ZHandoffStats.avg_seconds_to_first_action,
  median_seconds_to_first_action: ZHandoffStats.median_seconds_to_first_action,
  p95_seconds_to_first_action: ZHandoffStats.p95_seconds_to_first_action,
  metric_definition: z.string().meta({ description: "What the number means, and what it does not claim." }),
  target_seconds: ZTargetSeconds,
  n_within_target: ZHandoffStats.n_within_target,
  previous: ZPreviousWindow.optional(),
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
  target_seconds: 120,
  n_within_target: 2,
};

export const ZEscalationsResponseSchema = responseShape.meta({ example: ESCALATIONS_EXAMPLE });

export const escalationsMeta = {
  openapi: {
    method: "GET",
    path: "/analytics/flowpilot/escalations",
    tags: ["analytics"],
    summary: "Time from claim to first action on escalated sessions",
    description:
      "Average, median and p95 seconds from a handoff's claim to the first step after it, over the caller's " +
      "account, for a period or a custom window, optionally filtered, with the account's target and the " +
      "previous window. Needs the engineer or admin role.",
    protect: true,
    errorResponses: {
      401: "Not authenticated: no session and no valid API key.",
      403: "Role too low: needs the engineer or admin role.",
      422: "Invalid input; `detail` names the parameter and the rule it breaks, for example period=1d.",
      429: "Too many requests for this API key; see Retry-After.",
      500: "Internal server error.",
      503: "The database is unavailable; try again shortly.",
    },
  },
} satisfies OpenApiMeta;
