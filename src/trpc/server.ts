/**
 * Server-side tRPC for React Server Components: `api` calls procedures
 * directly (no HTTP) as the signed-in user, and `HydrateClient` passes
 * prefetched queries to the browser so the first paint has data.
 *
 *   await api.analytics.escalations.prefetch({ period: "30d" });
 *   return <HydrateClient><ClientPart /></HydrateClient>;
 */
import "server-only";
import { createHydrationHelpers } from "@trpc/react-query/rsc";
import { cache } from "react";
import { createCaller, type AppRouter } from "@/server/api/root";
import { createContextInner } from "@/server/api/context";
import { currentUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { createQueryClient } from "./query-client";

// The same per-request user the layout's requireUser already read, so a page
// looks its visitor up once, not once more for its tRPC calls.
const createRscContext = cache(async () => createContextInner({ db: getDb(), caller: await currentUser() }));

const getQueryClient = cache(createQueryClient);
const caller = createCaller(createRscContext);

export const { trpc: api, HydrateClient } = createHydrationHelpers<AppRouter>(caller, getQueryClient);
