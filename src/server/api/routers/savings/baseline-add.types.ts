import { z } from "zod";
import { MAX_TIMINGS_PER_REQUEST, ZBaselineTimingInput } from "@/server/savings/timing-rules";

// The example sits on the field: the REST layer rebuilds the body's outer object.
export const ZBaselineAddInput = z.object({
  timings: z
    .array(ZBaselineTimingInput)
    .min(1, "send at least one timing")
    .max(MAX_TIMINGS_PER_REQUEST, `send at most ${MAX_TIMINGS_PER_REQUEST} timings per request`)
    .meta({
      description: `1–${MAX_TIMINGS_PER_REQUEST} timings, written all or none.`,
      example: [
        { measured_at: "2026-11-20T09:14:03Z", seconds: 512.25, engineer_name: "Erin", note: "VPN drop, phoned in" },
        { measured_at: "2026-11-20T11:02:40+01:00", seconds: 95 },
      ],
    }),
});
export type TBaselineAddInput = z.input<typeof ZBaselineAddInput>;

export const ZBaselineAddOutput = z
  .object({ inserted: z.number().int().positive().meta({ description: "Timings written: all of the request's." }) })
  .meta({ example: { inserted: 2 } });
export type TBaselineAddOutput = z.infer<typeof ZBaselineAddOutput>;
