import { createTRPCRouter, roleProcedure } from "@/server/api/trpc";
import { ENGINEER_OR_ABOVE } from "@/server/auth/roles";
import { escalationsMeta, ZEscalationsRequestSchema, ZEscalationsResponseSchema } from "./escalations.types";
import { escalationsMetric } from "./escalations.handler";

export const analyticsRouter = createTRPCRouter({
  escalations: roleProcedure(ENGINEER_OR_ABOVE)
    .meta(escalationsMeta)
    .input(ZEscalationsRequestSchema)
    .output(ZEscalationsResponseSchema)
    .query(({ ctx, input }) => escalationsMetric(ctx.db, ctx.caller.accountId, input.period)),
});
