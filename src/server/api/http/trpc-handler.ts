/** The tRPC endpoint for the app's browser client, on the shared HTTP adapter. */
import type { AnyRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { httpAdapter, type AdapterOptions } from "./adapter";
import { MAX_BATCH_SIZE } from "./batch";

export const TRPC_BASE = "/api/trpc";

export function createTrpcHandler(options: AdapterOptions & { router?: AnyRouter } = {}) {
  return function handle(req: Request): Promise<Response> {
    const adapter = httpAdapter(req, "tRPC", options);
    return fetchRequestHandler({
      endpoint: TRPC_BASE,
      req,
      router: options.router ?? appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: adapter.createContext,
      responseMeta: () => ({ headers: adapter.responseHeaders() }),
      onError: adapter.onError,
    });
  };
}

export const handleTrpcRequest: (req: Request) => Promise<Response> = createTrpcHandler();
