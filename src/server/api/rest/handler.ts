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
import { createOpenApiFetchHandler } from "trpc-to-openapi";
import { ZodError } from "zod";
import { appRouter } from "@/server/api/root";
import { httpAdapter, type AdapterOptions } from "@/server/api/http/adapter";
import { successStatusOf } from "./success-status";

export const REST_BASE = "/api/v1";

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
        if (errors.some((e) => e.code === "BAD_REQUEST" && e.cause instanceof ZodError)) {
          return { status: 422, headers };
        }
        return { headers };
      },
      onError: adapter.onError,
    });
    return response.status === 422 ? relabelUnprocessable(response) : response;
  };
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
