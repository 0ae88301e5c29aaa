/**
 * Server-side tRPC for React Server Components: `api` calls procedures
 * directly (no HTTP) with the visitor's cookies, and `HydrateClient` passes
 * prefetched queries to the browser so the first paint has data.
 *
 *   await api.analytics.escalations.prefetch({ period: "30d" });
 *   return <HydrateClient><ClientPart /></HydrateClient>;
 */
import "server-only";
import { createHydrationHelpers } from "@trpc/react-query/rsc";
import { headers } from "next/headers";
import { cache } from "react";
import { createCaller, type AppRouter } from "@/server/api/root";
import { createContext } from "@/server/api/context";
import { createQueryClient } from "./query-client";

const createRscContext = cache(async () => {
  const h = new Headers(await headers());
  h.delete("authorization"); // pages act as the signed-in user only
  return createContext(new Request("http://internal/rsc", { headers: h }));
});

const getQueryClient = cache(createQueryClient);
const caller = createCaller(createRscContext);

export const { trpc: api, HydrateClient } = createHydrationHelpers<AppRouter>(caller, getQueryClient);
