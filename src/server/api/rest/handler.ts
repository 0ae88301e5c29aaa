/**
 * The REST API for pilots: every procedure with `.meta({ openapi })`, served
 * under /api/v1 by trpc-to-openapi. The Next route and the REST tests' HTTP
 * server both call `handleRestRequest`, so tests exercise this exact code.
 *
 * trpc-to-openapi answers an invalid input with 400; the contract says 422,
 * so `responseMeta` maps input validation failures. Authentication runs in
 * middlewares before input parsing, so an unauthenticated call is a 401
 * whatever its query.
 */
import { createOpenApiFetchHandler } from "trpc-to-openapi";
import { ZodError } from "zod";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/context";
import type { Context } from "@/server/api/trpc";

export const REST_BASE = "/api/v1";

export async function handleRestRequest(req: Request): Promise<Response> {
  let ctx: Context | undefined;
  const response = await createOpenApiFetchHandler({
    endpoint: REST_BASE,
    router: appRouter,
    req,
    createContext: async () => (ctx = await createContext(req)),
    responseMeta({ errors }) {
      const headers = ctx?.responseHeaders ?? new Headers();
      if (errors.some((e) => e.code === "BAD_REQUEST" && e.cause instanceof ZodError)) {
        return { status: 422, headers };
      }
      return { headers };
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`REST ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
  return response;
}
