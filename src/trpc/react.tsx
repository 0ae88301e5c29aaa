"use client";
/**
 * The browser's tRPC client (`api.x.y.useQuery()`), bound to /api/trpc with
 * the session cookie. One QueryClient per browser tab.
 */
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { httpBatchLink, loggerLink } from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { z } from "zod";
import type { AppRouter } from "@/server/api/root";
import { MAX_BATCH_SIZE } from "@/server/api/http/batch";
import { createQueryClient } from "./query-client";

// Zod probes for eval (`Function("")`) to compile faster parsers; under the
// Content-Security-Policy, which has no 'unsafe-eval', that probe is a
// reported violation. The browser parses little, so it goes without.
z.config({ jitless: true });

export const api = createTRPCReact<AppRouter>();
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return createQueryClient();
  browserQueryClient ??= createQueryClient();
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    api.createClient({
      links: [
        loggerLink({ enabled: (op) => process.env.NODE_ENV === "development" && op.direction === "down" && op.result instanceof Error }),
        httpBatchLink({ url: "/api/trpc", maxItems: MAX_BATCH_SIZE }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <api.Provider client={trpcClient} queryClient={queryClient}>
        {children}
      </api.Provider>
    </QueryClientProvider>
  );
}
