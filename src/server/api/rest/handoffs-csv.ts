/**
 * GET /api/v1/analytics/flowpilot/escalations/handoffs.csv — served by its
 * own Next route (a static segment wins over the /api/v1 catch-all) because
 * the body is a CSV stream. Everything before the body is the REST API's:
 * the same context, procedure chain and input schema, and errors in the same
 * JSON shape and statuses (restErrorResponse).
 */
import { createCallerFactory } from "@/server/api/trpc";
import type { Context } from "@/server/api/context";
import { httpAdapter } from "@/server/api/http/adapter";
import { analyticsExportRouter } from "@/server/api/routers/analytics/router";
import { HANDOFFS_CSV_PATH } from "@/server/api/routers/analytics/handoffs.types";
import { queryInput, restErrorResponse, type RestHandlerOptions } from "./handler";

export { HANDOFFS_CSV_PATH };

const createExportCaller = createCallerFactory(analyticsExportRouter);

export function createHandoffsCsvHandler(options: RestHandlerOptions = {}) {
  return async function handle(req: Request): Promise<Response> {
    const adapter = httpAdapter(req, "REST", options);
    let ctx: Context | undefined;
    const input = queryInput(new URL(req.url));
    try {
      ctx = await adapter.createContext();
      const csv = await createExportCaller(ctx).handoffsCsv(input as never);
      return new Response(csv.body, {
        status: 200,
        headers: {
          ...adapter.responseHeaders(),
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${csv.fileName}"`,
          "cache-control": "no-store",
        },
      });
    } catch (cause) {
      return restErrorResponse(cause, { ctx, path: "analytics.handoffsCsv", input });
    }
  };
}

export const handleHandoffsCsvRequest: (req: Request) => Promise<Response> = createHandoffsCsvHandler();
