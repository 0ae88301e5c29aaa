/**
 * `savings.summary` / GET /api/v1/analytics/flowpilot/savings: the manual
 * baseline against the in-product time to first action (docs/savings.md).
 */
import { z } from "zod";
import { ZEscalationsRequestSchema } from "@/server/api/routers/analytics/escalations.types";
import {
  BOOTSTRAP_GENERATOR,
  BOOTSTRAP_RESAMPLES,
  BOOTSTRAP_SEED,
} from "@/server/savings/bootstrap";
import { MIN_SAMPLE_SIZE, VERDICTS } from "@/server/savings/verdict";

export const ZSavingsInput = ZEscalationsRequestSchema;
export type TSavingsInput = z.input<typeof ZSavingsInput>;

export const SAVINGS_DEFINITION =
  "Two metrics side by side. The manual baseline: stopwatch timings of verbal handoffs, from the start of the " +
  "handoff to the engineer's first action, recorded by the pilot. The in-product time to first action: seconds " +
  "from a handoff's claim to the first step on the same session strictly after the claim, over claimed handoffs " +
  "in the window. The difference of their medians is the time recovered per escalation only when the interval " +
  "around it excludes zero.";

export const SAVINGS_METHOD =
  `Both sides use the same statistics: average, median (the middle value, or the mean of the two middle values), ` +
  `and p95 (the smallest value with at least 95 % of values at or below it), rounded to 3 decimals. ` +
  `The baseline is every timing recorded for your account; the in-product side is the handoffs claimed in the window ` +
  `that have a first action. The difference is the baseline median minus the in-product median (positive means the ` +
  `product is faster). Its 95 % interval comes from a percentile bootstrap: each side is resampled with replacement ` +
  `at its own size, ${BOOTSTRAP_RESAMPLES.toLocaleString("en-US")} times, and the 2.5th and 97.5th percentiles ` +
  `(nearest rank) of the ${BOOTSTRAP_RESAMPLES.toLocaleString("en-US")} differences of medians are the interval's ends. ` +
  `The resampling is deterministic (generator ${BOOTSTRAP_GENERATOR}, seed ${BOOTSTRAP_SEED}, values sorted first), ` +
  `so the same data always gives the same interval. The verdict is "faster" when the whole interval is above zero, ` +
  `"slower" when it is below zero, "inconclusive" when it includes zero, and "insufficient_data" while either side ` +
  `has fewer than ${MIN_SAMPLE_SIZE} values. Minutes recovered are reported only for "faster": the median difference ` +
  `in minutes, and that times the claimed escalations in the window scaled to 30 days.`;

const seconds = (what: string) => z.number().nullable().meta({ description: `${what}, seconds rounded to 3 decimals; null without values.` });

export const ZSavingsOutput = z
  .object({
    window_start: z.iso.datetime().meta({ description: "Start of the in-product window (inclusive)." }),
    window_end: z.iso.datetime().meta({ description: "End of the in-product window (inclusive): the database's now()." }),
    baseline: z
      .object({
        n: z.number().int().nonnegative().meta({ description: "Baseline timings of the account (all of them)." }),
        avg_seconds: seconds("Mean"),
        median_seconds: seconds("Median"),
        p95_seconds: seconds("95th percentile (nearest rank)"),
        measured_from: z.iso.datetime().nullable().meta({ description: "Earliest measured_at; null without timings." }),
        measured_to: z.iso.datetime().nullable().meta({ description: "Latest measured_at; null without timings." }),
      })
      .meta({ description: "The manual baseline: stopwatch timings of verbal handoffs." }),
    in_product: z
      .object({
        n: z.number().int().nonnegative().meta({ description: "Claimed handoffs in the window with an action." }),
        avg_seconds: seconds("Mean"),
        median_seconds: seconds("Median"),
        p95_seconds: seconds("95th percentile (nearest rank)"),
      })
      .meta({ description: "In-product time to first action, as GET /analytics/flowpilot/escalations computes it." }),
    median_difference_seconds: z.number().nullable().meta({
      description: "Baseline median − in-product median (positive: the product is faster); null unless both sides have values.",
    }),
    ci95: z
      .object({ low: z.number(), high: z.number() })
      .nullable()
      .meta({ description: "95 % percentile-bootstrap interval of the median difference; null while either side has fewer than 20 values." }),
    verdict: z.enum(VERDICTS).meta({
      description: "faster (interval above 0), slower (below 0), inconclusive (includes 0), insufficient_data (a side has < 20 values).",
    }),
    escalations_per_30_days: z.number().nullable().meta({ description: "Claimed handoffs in the window, scaled to 30 days; null with insufficient_data." }),
    minutes_recovered_per_escalation: z.number().nullable().meta({ description: "Median difference in minutes; only when the verdict is faster." }),
    minutes_recovered_per_30_days: z.number().nullable().meta({ description: "minutes_recovered_per_escalation × escalations_per_30_days; only when faster." }),
    method: z.string().meta({ description: "How the numbers were computed, in plain words." }),
    metric_definition: z.string().meta({ description: "What the two metrics are; contains \"manual baseline\"." }),
  })
  .meta({
    example: {
      window_start: "2026-10-28T12:00:00.000Z",
      window_end: "2026-11-27T12:00:00.000Z",
      baseline: { n: 42, avg_seconds: 612.4, median_seconds: 540, p95_seconds: 1500, measured_from: "2026-09-01T08:12:00.000Z", measured_to: "2026-10-20T16:40:00.000Z" },
      in_product: { n: 163, avg_seconds: 201.2, median_seconds: 95.5, p95_seconds: 900 },
      median_difference_seconds: 444.5,
      ci95: { low: 380, high: 505 },
      verdict: "faster",
      escalations_per_30_days: 57,
      minutes_recovered_per_escalation: 7.408,
      minutes_recovered_per_30_days: 422.275,
      method: SAVINGS_METHOD,
      metric_definition: SAVINGS_DEFINITION,
    },
  });
export type TSavingsOutput = z.infer<typeof ZSavingsOutput>;
