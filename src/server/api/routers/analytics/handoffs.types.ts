/** Input and output of `analytics.escalationsHandoffs` (GET …/escalations/handoffs) and its CSV. */
import { z } from "zod";
import { REST_BASE } from "@/server/api/rest/base";
import { escalationsMeta } from "./escalations.types";
import { queryEnum, queryNumber, queryText, windowInput, ZWindowBounds } from "./window.types";

/** The CSV export, beside /handoffs (its own route: src/app/api/v1/…/escalations/handoffs.csv). */
export const HANDOFFS_CSV_PATH = `${REST_BASE}${escalationsMeta.openapi.path}/handoffs.csv`;

export const HANDOFFS_DEFAULT_LIMIT = 50;
export const HANDOFFS_MAX_LIMIT = 500;

export const HANDOFF_RULES = {
  minBelowMax: "min_seconds must be less than max_seconds",
  cursor: "is not a cursor this endpoint returned (use next_cursor as it came)",
} as const;

/** The drill-down's own filters, shared by the JSON pages and the CSV. */
const handoffFilters = {
  action: queryEnum(["with", "without"], "with: only handoffs with an action; without: only those still waiting.").optional(),
  min_seconds: queryNumber("Only deltas ≥ this many seconds (implies an action).").optional(),
  max_seconds: queryNumber("Only deltas < this many seconds (implies an action).").optional(),
};

type BandFields = { min_seconds?: number; max_seconds?: number };

function checkBand(input: BandFields, ctx: z.RefinementCtx) {
  if (input.min_seconds !== undefined && input.max_seconds !== undefined && input.min_seconds >= input.max_seconds) {
    ctx.addIssue({ code: "custom", path: ["min_seconds"], message: HANDOFF_RULES.minBelowMax });
  }
}

export const ZHandoffsInput = windowInput({
  ...handoffFilters,
  limit: queryNumber(`Rows per page, 1–${HANDOFFS_MAX_LIMIT}; ${HANDOFFS_DEFAULT_LIMIT} when omitted.`, {
    integer: true, min: 1, max: HANDOFFS_MAX_LIMIT,
  }).optional(),
  cursor: queryText("next_cursor of the previous page, as it came.", 200).optional(),
}).superRefine((input, ctx) => checkBand(input as BandFields, ctx));
export type THandoffsInput = z.input<typeof ZHandoffsInput>;

export const ZHandoffsCsvInput = windowInput(handoffFilters).superRefine((input, ctx) => checkBand(input as BandFields, ctx));
export type THandoffsCsvInput = z.input<typeof ZHandoffsCsvInput>;

const timestamp6 = (description: string) =>
  z.string().meta({ description: `${description} ISO 8601 UTC with all six fractional digits.` });

/** One row, in the field order of the CSV's columns. */
export const ZHandoffItem = z.object({
  handoff_id: z.string(),
  session_id: z.string(),
  priority: z.string().nullable(),
  claimed_by: z.string().nullable().meta({ description: "The claiming user's id, as stored." }),
  claimed_by_name: z.string().nullable().meta({ description: "Their name; null when claimed_by names no user of your account." }),
  claimed_at: timestamp6("The claim."),
  first_action_at: timestamp6("The first step after the claim; null when there is none yet.").nullable(),
  seconds_to_first_action: z.number().nonnegative().nullable().meta({
    description: "Exact seconds from claim to first action (up to 6 decimals); null without an action.",
  }),
});
export type THandoffItem = z.infer<typeof ZHandoffItem>;
export const HANDOFF_COLUMNS = Object.keys(ZHandoffItem.shape) as (keyof THandoffItem)[];

export const ZHandoffsOutput = z
  .object({
    period: z.string().meta({ description: 'The period asked for, or "custom".' }),
    ...ZWindowBounds,
    n_total: z.number().int().nonnegative().meta({ description: "Rows matching the window and filters, over all pages." }),
    next_cursor: z.string().nullable().meta({ description: "Pass as cursor for the next page; null on the last page." }),
    items: z.array(ZHandoffItem).meta({ description: "Newest claim first (claimed_at desc, then handoff_id desc)." }),
  })
  .meta({
    example: {
      period: "30d", window_start: "2026-10-29T12:00:00.000Z", window_end: "2026-11-28T12:00:00.000Z", n_total: 43,
      next_cursor: "MjAyNi0xMS0yN1QxMjowMDowMC4xMjM0NTZafDNmMGU4YTUyLTRjMWItNGY3ZS05ZDUxLTBiNmMyYTdlOWQxMA",
      items: [{
        handoff_id: "9b2f5c1e-7a3d-4e8b-a1c4-5d6e7f809a1b", session_id: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
        priority: "high", claimed_by: "3f0e8a52-4c1b-4f7e-9d51-0b6c2a7e9d10", claimed_by_name: "Erin Engineer",
        claimed_at: "2026-11-27T12:00:00.123456Z", first_action_at: "2026-11-27T12:01:30.123456Z", seconds_to_first_action: 90,
      }],
    },
  });
export type THandoffsOutput = z.infer<typeof ZHandoffsOutput>;
