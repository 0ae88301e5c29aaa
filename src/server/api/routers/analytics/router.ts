import type { OpenApiMeta } from "trpc-to-openapi";
import { capabilityProcedure, capabilityReadProcedure, createTRPCRouter } from "@/server/api/trpc";
import { escalationsMeta, ZEscalationsRequestSchema, ZEscalationsResponseSchema } from "./escalations.types";
import { escalationsMetric } from "./escalations.handler";
import { ZSeriesInput, ZSeriesOutput } from "./series.types";
import { escalationsSeries } from "./series.handler";
import { ZDistributionInput, ZDistributionOutput } from "./distribution.types";
import { escalationsDistribution } from "./distribution.handler";
import { ZBreakdownInput, ZBreakdownOutput } from "./breakdown.types";
import { escalationsBreakdown } from "./breakdown.handler";
import { ZHandoffsCsvInput, ZHandoffsInput, ZHandoffsOutput } from "./handoffs.types";
import { escalationsHandoffs } from "./handoffs.handler";
import { escalationsHandoffsCsv } from "./handoffs-csv.handler";
import { ZLocalRangeInput, ZLocalRangeOutput } from "./local-range.types";
import { localRange } from "./local-range.handler";

export const ESCALATIONS_PATH = escalationsMeta.openapi.path;

/** Who may read the report: the metric's readers. */
export const reportProcedure = capabilityProcedure("readAnalytics");
/** The metric itself: the same readers, its statements sent in one flight. */
const metricProcedure = capabilityReadProcedure("readAnalytics");

/** The REST meta of a report endpoint: the metric's, at a path below /escalations. */
function reportMeta(sub: string, summary: string, description: string): OpenApiMeta {
  return {
    openapi: { ...escalationsMeta.openapi, path: `${ESCALATIONS_PATH}${sub}`, summary, description: `${description} Needs the engineer or admin role.` },
  };
}

export const analyticsRouter = createTRPCRouter({
  escalations: metricProcedure
    .meta(escalationsMeta)
    .input(ZEscalationsRequestSchema)
    .output(ZEscalationsResponseSchema)
    .query(({ ctx, input }) => escalationsMetric(ctx.read, ctx.caller.accountId, input)),

  escalationsSeries: reportProcedure
    .meta(reportMeta("/series", "The metric per calendar day or ISO week",
      "Consecutive day or week buckets in the time zone tz, clipped to the window; empty buckets included."))
    .input(ZSeriesInput)
    .output(ZSeriesOutput)
    .query(({ ctx, input }) => escalationsSeries(ctx.db, ctx.caller.accountId, input)),

  escalationsDistribution: reportProcedure
    .meta(reportMeta("/distribution", "How the times to first action are spread",
      "Counts of deltas in six fixed bands, from under a minute to four hours and more."))
    .input(ZDistributionInput)
    .output(ZDistributionOutput)
    .query(({ ctx, input }) => escalationsDistribution(ctx.db, ctx.caller.accountId, input)),

  escalationsBreakdown: reportProcedure
    .meta(reportMeta("/breakdown", "The metric per engineer or per priority",
      "One group per claiming engineer or per priority, largest first."))
    .input(ZBreakdownInput)
    .output(ZBreakdownOutput)
    .query(({ ctx, input }) => escalationsBreakdown(ctx.db, ctx.caller.accountId, input)),

  escalationsHandoffs: reportProcedure
    .meta(reportMeta("/handoffs", "The claimed handoffs behind the numbers",
      "Newest claim first, a page at a time (keyset cursor), with exact timestamps and seconds. " +
      "The same rows without paging, as CSV: GET /analytics/flowpilot/escalations/handoffs.csv."))
    .input(ZHandoffsInput)
    .output(ZHandoffsOutput)
    .query(({ ctx, input }) => escalationsHandoffs(ctx.db, ctx.caller.accountId, input)),

  /** The analytics page's date inputs: two local dates → the report's from/to (no REST route). */
  localRange: reportProcedure
    .input(ZLocalRangeInput)
    .output(ZLocalRangeOutput)
    .query(({ ctx, input }) => localRange(ctx.db, ctx.caller.accountId, input)),
});

/**
 * The CSV export: the same procedure chain (authentication, API-key rate
 * limit, role) and input schema as the REST routes, served by its own route
 * handler because its body is a stream, not JSON. Kept out of appRouter so
 * it is not also offered on /api/trpc.
 */
export const analyticsExportRouter = createTRPCRouter({
  handoffsCsv: reportProcedure
    .input(ZHandoffsCsvInput)
    .query(({ ctx, input }) => escalationsHandoffsCsv(ctx.db, ctx.inScope, ctx.caller.accountId, input)),
});
