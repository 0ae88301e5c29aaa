/** Input and output of `analytics.escalationsDistribution` (GET …/escalations/distribution). */
import { z } from "zod";
import { ZTargetSeconds } from "./escalations.types";
import { windowInput, ZWindowBounds, ZWindowPeriod } from "./window.types";

/** The fixed bands, [min_seconds, max_seconds); the last is open-ended. */
export const BANDS = [
  { label: "< 1 min", min_seconds: 0, max_seconds: 60 },
  { label: "1–5 min", min_seconds: 60, max_seconds: 300 },
  { label: "5–15 min", min_seconds: 300, max_seconds: 900 },
  { label: "15–60 min", min_seconds: 900, max_seconds: 3600 },
  { label: "1–4 h", min_seconds: 3600, max_seconds: 14400 },
  { label: "≥ 4 h", min_seconds: 14400, max_seconds: null },
] as const;

export const ZDistributionInput = windowInput({});
export type TDistributionInput = z.input<typeof ZDistributionInput>;

export const ZDistributionOutput = z
  .object({
    period: ZWindowPeriod,
    ...ZWindowBounds,
    target_seconds: ZTargetSeconds,
    n_handoffs_with_action: z.number().int().nonnegative().meta({ description: "Handoffs with an action: the sum of the bands' counts." }),
    n_handoffs_without_action: z.number().int().nonnegative().meta({ description: "Claimed handoffs with no step after the claim yet." }),
    bands: z
      .array(
        z.object({
          label: z.string(),
          min_seconds: z.number().int().nonnegative().meta({ description: "Lower bound of the delta, inclusive." }),
          max_seconds: z.number().int().positive().nullable().meta({ description: "Upper bound, exclusive; null for the last band." }),
          count: z.number().int().nonnegative(),
        }),
      )
      .meta({ description: "The six fixed bands, shortest first, empty ones included." }),
  })
  .meta({
    example: {
      period: "30d", window_start: "2026-10-29T12:00:00.000Z", window_end: "2026-11-28T12:00:00.000Z", target_seconds: null,
      n_handoffs_with_action: 40, n_handoffs_without_action: 3,
      bands: BANDS.map((b, i) => ({ ...b, count: [12, 15, 8, 3, 1, 1][i]! })),
    },
  });
export type TDistributionOutput = z.infer<typeof ZDistributionOutput>;
