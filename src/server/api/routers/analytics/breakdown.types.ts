/** Input and output of `analytics.escalationsBreakdown` (GET …/escalations/breakdown). */
import { z } from "zod";
import { ZHandoffStats, ZTargetSeconds } from "./escalations.types";
import { queryEnum, windowInput, ZWindowBounds, ZWindowPeriod } from "./window.types";

export const BREAKDOWN_BY = ["engineer", "priority"] as const;
export const UNKNOWN_USER_LABEL = "Unknown user";
export const NO_PRIORITY_LABEL = "No priority";

export const ZBreakdownInput = windowInput({
  by: queryEnum(BREAKDOWN_BY, "Group by the claiming engineer or by priority. Required."),
});
export type TBreakdownInput = z.input<typeof ZBreakdownInput>;

export const ZBreakdownGroup = z.object({
  key: z.string().nullable().meta({ description: "The user id (claimed_by) or priority as stored; null when the handoff has none." }),
  label: z.string().meta({
    description: `The user's name, "${UNKNOWN_USER_LABEL}" for a claimed_by that is null or names no user of your account, or the priority ("${NO_PRIORITY_LABEL}" for none).`,
  }),
  ...ZHandoffStats,
});

export const ZBreakdownOutput = z
  .object({
    period: ZWindowPeriod,
    ...ZWindowBounds,
    by: z.enum(BREAKDOWN_BY),
    target_seconds: ZTargetSeconds,
    groups: z.array(ZBreakdownGroup).meta({ description: "Ordered by n_handoffs_claimed descending, then label, then key." }),
  })
  .meta({
    example: {
      period: "30d", window_start: "2026-10-29T12:00:00.000Z", window_end: "2026-11-28T12:00:00.000Z", by: "engineer",
      target_seconds: 900,
      groups: [{
        key: "3f0e8a52-4c1b-4f7e-9d51-0b6c2a7e9d10", label: "Erin Engineer",
        n_handoffs_claimed: 4, n_handoffs_with_action: 3, n_within_target: 2,
        avg_seconds_to_first_action: 85.5, median_seconds_to_first_action: 60, p95_seconds_to_first_action: 180,
      }],
    },
  });
export type TBreakdownOutput = z.infer<typeof ZBreakdownOutput>;
