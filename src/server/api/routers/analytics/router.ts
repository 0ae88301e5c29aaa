import { createTRPCRouter, roleProcedure } from "@/server/api/trpc";
import { ENGINEER_OR_ABOVE } from "@/server/auth/roles";
import { ZEscalationsInput, ZEscalationsOutput } from "./escalations.schema";
import { escalationsMetric } from "./escalations.handler";

export const analyticsRouter = createTRPCRouter({
  escalations: roleProcedure(ENGINEER_OR_ABOVE)
    .meta({
      openapi: {
        method: "GET",
        path: "/analytics/flowpilot/escalations",
        tags: ["analytics"],
        summary: "Time from claim to first action on escalated sessions",
        description:
          "Average, median and p95 seconds from a handoff's claim to the first step after it, " +
          "over the caller's account. Needs the engineer or admin role.",
        protect: true,
        errorResponses: {
          401: "Not authenticated: no session and no valid API key.",
          403: "Role too low: needs the engineer or admin role.",
          422: "Invalid input, for example period=1d.",
          429: "Too many requests for this API key; see Retry-After.",
          500: "Internal server error.",
          503: "The database is unavailable; try again shortly.",
        },
      },
    })
    .input(ZEscalationsInput)
    .output(ZEscalationsOutput)
    .query(({ ctx, input }) => escalationsMetric(ctx.db, ctx.caller.accountId, input.period)),
});
