/** Input and output of `analytics.escalationsSeries` (GET …/escalations/series). */
import { z } from "zod";
import { ZHandoffStats, ZTargetSeconds } from "./escalations.types";
import { queryEnum, windowInput, ZWindowBounds, ZWindowPeriod } from "./window.types";

export const BUCKETS = ["day", "week"] as const;

export const ZSeriesInput = windowInput({
  bucket: queryEnum(BUCKETS, "day (default) or week (ISO weeks, Monday 00:00 in tz).").optional(),
});
export type TSeriesInput = z.input<typeof ZSeriesInput>;

export const ZSeriesBucket = z.object({
  label: z.string().meta({ description: "The bucket's local date (YYYY-MM-DD); for weeks, the Monday's date." }),
  start: z.iso.datetime().meta({ description: "Start (inclusive): window_start for the first bucket, else a local midnight." }),
  end: z.iso.datetime().meta({ description: "End: exclusive, except for the last bucket, which ends at window_end inclusive." }),
  ...ZHandoffStats,
});

export const ZSeriesOutput = z
  .object({
    period: ZWindowPeriod,
    ...ZWindowBounds,
    bucket: z.enum(BUCKETS),
    time_zone: z.string().meta({ description: "The IANA zone the buckets follow." }),
    target_seconds: ZTargetSeconds,
    buckets: z.array(ZSeriesBucket).meta({ description: "Every bucket of the window, empty ones included, oldest first." }),
  })
  .meta({
    example: {
      period: "30d", window_start: "2026-10-29T12:00:00.000Z", window_end: "2026-11-28T12:00:00.000Z", bucket: "day",
      time_zone: "Europe/Berlin", target_seconds: 900,
      buckets: [{
        label: "2026-10-29", start: "2026-10-29T12:00:00.000Z", end: "2026-10-29T23:00:00.000Z",
        n_handoffs_claimed: 4, n_handoffs_with_action: 3, n_within_target: 2,
        avg_seconds_to_first_action: 85.5, median_seconds_to_first_action: 60, p95_seconds_to_first_action: 180,
      }],
    },
  });
export type TSeriesOutput = z.infer<typeof ZSeriesOutput>;
