/**
 * The manual baseline and the savings claim (docs/savings.md). Reading needs
 * the metric's roles; adding timings too; deleting and importing need admin.
 */
import { capabilityProcedure, createTRPCRouter } from "@/server/api/trpc";
import { ZBaselineListInput, ZBaselineListOutput } from "./baseline-list.types";
import { baselineList } from "./baseline-list.handler";
import { ZBaselineAddInput, ZBaselineAddOutput } from "./baseline-add.types";
import { baselineAdd } from "./baseline-add.handler";
import { ZBaselineDeleteInput, ZBaselineDeleteOutput } from "./baseline-delete.types";
import { baselineDelete } from "./baseline-delete.handler";
import { ZBaselineImportInput, ZBaselineImportOutput } from "./baseline-import.types";
import { baselineImport } from "./baseline-import.handler";
import { ZSavingsInput, ZSavingsOutput } from "./summary.types";
import { savingsSummary, SUMMARY_ISOLATION } from "./summary.handler";
import { ZSavingsDistributionsOutput } from "./distributions.types";
import { savingsDistributions } from "@/server/savings/distributions";

const BASELINE_PATH = "/analytics/flowpilot/baseline";

const errors = (extra: Record<number, string> = {}) => ({
  401: "Not authenticated: no session and no valid API key.",
  403: "Role too low for this call.",
  422: "Invalid input; `detail` names each bad field.",
  429: "Too many requests for this API key; see Retry-After.",
  500: "Internal server error.",
  503: "The database is unavailable; try again shortly.",
  ...extra,
});

const readers = capabilityProcedure("readAnalytics");
const writers = capabilityProcedure("writeBaseline");
const admins = capabilityProcedure("manageBaseline");

export const savingsRouter = createTRPCRouter({
  summary: readers
    .meta({
      openapi: {
        method: "GET",
        path: "/analytics/flowpilot/savings",
        tags: ["savings"],
        summary: "Manual baseline against in-product time to first action",
        description:
          "n, average, median and p95 of the account's manual baseline (all timings) and of the in-product time to " +
          "first action in the window, the median difference with a 95 % bootstrap interval, and a verdict. " +
          "Needs the engineer or admin role.",
        protect: true,
        errorResponses: errors(),
      },
      isolationLevel: SUMMARY_ISOLATION,
    })
    .input(ZSavingsInput)
    .output(ZSavingsOutput)
    .query(({ ctx, input }) => savingsSummary(ctx.db, ctx.caller.accountId, input)),

  // The chart's data; the page only, so not part of the REST API.
  distributions: readers
    .input(ZSavingsInput)
    .output(ZSavingsDistributionsOutput)
    .query(({ ctx, input }) => savingsDistributions(ctx.db, ctx.caller.accountId, input)),

  baselineList: readers
    .meta({
      openapi: {
        method: "GET",
        path: BASELINE_PATH,
        tags: ["savings"],
        summary: "List manual baseline timings",
        description: "The account's stopwatch timings, newest `measured_at` first, a page at a time. Needs the engineer or admin role.",
        protect: true,
        errorResponses: errors({ 422: "Invalid input: limit outside 1–500, or a cursor this API did not return." }),
      },
    })
    .input(ZBaselineListInput)
    .output(ZBaselineListOutput)
    .query(({ ctx, input }) => baselineList(ctx.db, ctx.caller.accountId, input)),

  baselineAdd: writers
    .meta({
      openapi: {
        method: "POST",
        path: BASELINE_PATH,
        tags: ["savings"],
        summary: "Add manual baseline timings",
        description:
          "1–5 000 stopwatch timings in one request, written all or none: one bad timing refuses the request " +
          "(422, naming each bad field) and writes nothing. Answers 201. Needs the engineer or admin role; " +
          "with an API key, a key with the baseline:write scope.",
        protect: true,
        successDescription: "Created: every timing was written.",
        errorResponses: errors({ 403: "Role too low (viewers), or an API key without the baseline:write scope." }),
      },
      successStatus: 201,
    })
    .input(ZBaselineAddInput)
    .output(ZBaselineAddOutput)
    .mutation(({ ctx, input }) =>
      baselineAdd(ctx.db, { accountId: ctx.caller.accountId, userId: ctx.caller.userId }, input.timings),
    ),

  baselineDelete: admins
    .meta({
      openapi: {
        method: "DELETE",
        path: `${BASELINE_PATH}/{id}`,
        tags: ["savings"],
        summary: "Delete a manual baseline timing",
        description:
          "Answers 204 with no body. A timing of another account is a 404. Needs the admin role; " +
          "with an API key, a key with the baseline:write scope.",
        protect: true,
        successDescription: "No content: the timing is deleted.",
        errorResponses: errors({
          403: "Role too low (needs the admin role), or an API key without the baseline:write scope.",
          404: "No timing with this id in your account.",
        }),
      },
      successStatus: 204,
    })
    .input(ZBaselineDeleteInput)
    .output(ZBaselineDeleteOutput)
    .mutation(({ ctx, input }) => baselineDelete(ctx.db, ctx.caller.accountId, input.id)),

  // The in-app CSV import; pilots' scripts POST JSON instead.
  baselineImport: admins
    .input(ZBaselineImportInput)
    .output(ZBaselineImportOutput)
    .mutation(({ ctx, input }) =>
      baselineImport(ctx.db, { accountId: ctx.caller.accountId, userId: ctx.caller.userId }, input.csv),
    ),
});
