import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/context";
import { crossSiteRefusal } from "@/server/auth/csrf";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  // Mutations are POSTs authenticated by the session cookie: refuse cross-site ones (csrf.ts).
  const refusal = crossSiteRefusal(req);
  if (refusal) {
    return Response.json(
      { error: { message: refusal, code: -32003, data: { code: "FORBIDDEN", httpStatus: 403 } }, detail: refusal },
      { status: 403 },
    );
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext(req),
    // Headers a procedure asked for (Retry-After on a rate-limited API key).
    responseMeta: ({ ctx }) => ({ headers: ctx?.responseHeaders }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
