/**
 * The REST API for pilots: every procedure with `.meta({ openapi })`, served
 * under /api/v1 by trpc-to-openapi. The Next route and the REST tests' HTTP
 * server both call `handleRestRequest`, so tests exercise this exact code.
 *
 * trpc-to-openapi answers an invalid input with 400; the contract says 422,
 * so `responseMeta` maps input validation failures, and the body's codes are
 * relabelled to match the status. Authentication runs in middlewares before
 * input parsing, so an unauthenticated call is a 401 whatever its query.
 *
 * Query values arrive as strings, or as an array when a parameter repeats,
 * and an empty `?period=` as "": none of these is in the period enum, so
 * all three are 422 rather than falling back to the default.
 */
import type { AnyRouter } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { getErrorShape, getHTTPStatusCodeFromError } from "@trpc/server/unstable-core-do-not-import";
import { createOpenApiFetchHandler } from "trpc-to-openapi";
import { ZodError } from "zod";
import { appRouter } from "@/server/api/root";
import type { Context } from "@/server/api/context";
import { httpAdapter, type AdapterOptions } from "@/server/api/http/adapter";
import { REST_BASE } from "./base";
import { successStatusOf } from "./success-status";

// Where the API lives is defined in base.ts (browser-safe); importers of the handler find it here too.
export { REST_BASE };

export type RestHandlerOptions = AdapterOptions & {
  /** The procedures served; the app's router by default. Tests pass one with a procedure of their own. */
  router?: AnyRouter;
};

export function createRestHandler(options: RestHandlerOptions = {}) {
  return async function handle(req: Request): Promise<Response> {
    const adapter = httpAdapter(req, "REST", options);
    const response = await createOpenApiFetchHandler({
      endpoint: REST_BASE,
      router: options.router ?? appRouter,
      req,
      createContext: adapter.createContext,
      responseMeta({ errors, paths }) {
        const headers = adapter.responseHeaders();
        const success = errors.length === 0 ? successStatusOf(options.router ?? appRouter, paths?.[0]) : undefined;
        if (success) return { status: success, headers };
        return errors.some(isInvalidInput) ? { status: 422, headers } : { headers };
      },
      onError: adapter.onError,
    });
    return response.status === 422 ? relabelUnprocessable(response) : response;
  };
}

const isInvalidInput = (e: TRPCError) => e.code === "BAD_REQUEST" && e.cause instanceof ZodError;

/** A request's query as trpc-to-openapi reads it: a repeated parameter becomes an array. */
export function queryInput(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/**
 * An error as the REST API answers it, for routes served outside
 * trpc-to-openapi (the CSV export): the same body fields, statuses and
 * headers as createRestHandler's.
 */
export async function restErrorResponse(
  cause: unknown,
  at: { ctx: Context | undefined; path: string; input: unknown },
): Promise<Response> {
  const error =
    cause instanceof TRPCError ? cause : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: cause as Error });
  if (error.code === "INTERNAL_SERVER_ERROR") console.error(`REST ${at.path} failed:`, error.cause ?? error);
  const shape = getErrorShape({
    config: appRouter._def._config,
    error,
    type: "query",
    path: at.path,
    input: at.input,
    ctx: at.ctx,
  });
  const invalid = isInvalidInput(error);
  const body = {
    ...shape,
    message: invalid ? "Input validation failed" : shape.message,
    code: error.code,
    issues: invalid ? (error.cause as ZodError).issues : undefined,
  };
  const response = Response.json(body, {
    status: invalid ? 422 : getHTTPStatusCodeFromError(error),
    headers: Object.fromEntries(at.ctx?.responseHeaders ?? []),
  });
  return invalid ? relabelUnprocessable(response) : response;
}

/** A 422 body says UNPROCESSABLE_CONTENT (as the OpenAPI document does), not tRPC's BAD_REQUEST/400. */
async function relabelUnprocessable(response: Response): Promise<Response> {
  const body = (await response.json()) as { code?: string; data?: Record<string, unknown> };
  const relabelled = {
    ...body,
    code: "UNPROCESSABLE_CONTENT",
    ...(body.data ? { data: { ...body.data, code: "UNPROCESSABLE_CONTENT", httpStatus: 422 } } : {}),
  };
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(relabelled), { status: 422, headers });
}

/** The production REST handler, resolving callers against the app's database. */
export const handleRestRequest: (req: Request) => Promise<Response> = createRestHandler();
