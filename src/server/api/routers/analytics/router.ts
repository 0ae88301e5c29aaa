import { capabilityProcedure, createTRPCRouter } from "@/server/api/trpc";
import { escalationsMeta, ZEscalationsRequestSchema, ZEscalationsResponseSchema } from "./escalations.types";
import { escalationsMetric } from "./escalations.handler";

export const analyticsRouter = createTRPCRouter({
  escalations: capabilityProcedure("readAnalytics")
    .meta(escalationsMeta)
    .input(ZEscalationsRequestSchema)
    .output(ZEscalationsResponseSchema)
    .query(({ ctx, input }) => escalationsMetric(ctx.db, ctx.caller.accountId, input.period)),
});
