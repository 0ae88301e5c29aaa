/**
 * What both HTTP transports share: `/api/trpc` (the app's browser client)
 * and `/api/v1` (REST for pilots, trpc-to-openapi). Each transport's
 * handler passes these options to its library, so the two cannot drift:
 *
 * - context: `createContext` (context.ts) resolves the caller and records a
 *   cross-site refusal, which the base procedure turns into a 403. The
 *   refusal, like every error, gets its body from the one error formatter
 *   in trpc.ts, shaped as the transport shapes errors.
 * - response headers a procedure asked for (Retry-After on a rate-limited key);
 * - logging: an internal error's cause goes to the server log, never to the client.
 */
import type { TRPCError } from "@trpc/server";
import { createContext as createRequestContext, type Context } from "@/server/api/context";

export type Transport = "tRPC" | "REST";

export type AdapterOptions = {
  /** How a request becomes a context; the app's own by default. Tests pass one bound to another database. */
  createContext?: (req: Request) => Promise<Context>;
};

export function httpAdapter(req: Request, transport: Transport, options: AdapterOptions = {}) {
  const makeContext = options.createContext ?? ((r: Request) => createRequestContext(r));
  let ctx: Context | undefined;
  return {
    createContext: async () => (ctx = await makeContext(req)),
    /** A plain object: trpc-to-openapi copies headers with Object.entries. */
    responseHeaders: (): Record<string, string> => Object.fromEntries(ctx?.responseHeaders ?? []),
    onError({ error, path }: { error: TRPCError; path?: string }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`${transport} ${path ?? "?"} failed:`, error.cause ?? error);
    },
  };
}
