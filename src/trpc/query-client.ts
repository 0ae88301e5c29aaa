import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Prefetched data is fresh on first paint; refetch after 30 s.
      queries: { staleTime: 30_000 },
      // Pending server prefetches stream to the client too.
      dehydrate: {
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
    },
  });
}
