import { z } from "zod";
import type { TimingCursor } from "@/server/savings/baseline-store";

export type { TimingCursor };

/**
 * The page cursor is opaque to clients: the last row's measured_at (with
 * microseconds) and id, base64url-encoded. A cursor that does not decode is
 * an input error (422), like the drill-down's.
 */
const ZCursorPayload = z.object({ m: z.iso.datetime({ offset: true }), i: z.uuid() });

export function encodeCursor(cursor: TimingCursor): string {
  return Buffer.from(JSON.stringify({ m: cursor.measuredAt, i: cursor.id })).toString("base64url");
}

const ZCursor = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    try {
      const payload = ZCursorPayload.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
      return { measuredAt: payload.m, id: payload.i } satisfies TimingCursor;
    } catch {
      ctx.addIssue({ code: "custom", message: "cursor is not a next_cursor this API returned" });
      return z.NEVER;
    }
  })
  .meta({ description: "The next_cursor of the previous page; omit for the first page." });

export const ZBaselineListInput = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(50)
    .meta({ description: "Timings per page, 1–500; 50 when omitted." }),
  cursor: ZCursor.optional(),
});
export type TBaselineListInput = z.input<typeof ZBaselineListInput>;

export const ZBaselineTiming = z.object({
  id: z.uuid(),
  measured_at: z.string().meta({ description: "When the verbal handoff happened, UTC with microseconds." }),
  seconds: z.number().meta({ description: "The stopwatch time in seconds (at most 3 decimals)." }),
  engineer_name: z.string().nullable(),
  note: z.string().nullable(),
  created_by: z.uuid().meta({ description: "The user who recorded or imported the timing." }),
  created_by_name: z.string().nullable(),
  created_at: z.string(),
});
export type TBaselineTimingRow = z.infer<typeof ZBaselineTiming>;

export const ZBaselineListOutput = z
  .object({
    n_total: z.number().int().nonnegative().meta({ description: "Timings of the account in all." }),
    next_cursor: z.string().nullable().meta({ description: "Pass as cursor for the next page; null on the last page." }),
    items: z.array(ZBaselineTiming).meta({ description: "Newest measured_at first, then id." }),
  })
  .meta({
    example: {
      n_total: 42,
      next_cursor: null,
      items: [
        {
          id: "0b9c3f0e-5d1a-4d8e-9a51-2f0c1d7e4a10",
          measured_at: "2026-11-20T09:14:03.000000Z",
          seconds: 512.25,
          engineer_name: "Erin",
          note: "VPN drop, phoned in",
          created_by: "5f4a7c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b",
          created_by_name: "Erin Engineer",
          created_at: "2026-11-20T09:23:00.412000Z",
        },
      ],
    },
  });
export type TBaselineListOutput = z.infer<typeof ZBaselineListOutput>;
