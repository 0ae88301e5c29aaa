// Request-bound tRPC context: resolves the caller from the request's headers.
import { getDb, type Db } from "@/server/db/client";
import { resolveCaller } from "@/server/auth/caller";
import { isDatabaseUnavailable } from "@/server/db/errors";
import { createContextInner } from "./trpc";

export async function createContext(req: Request, db: Db = getDb()) {
  try {
    return createContextInner({ db, ...(await resolveCaller(db, req)) });
  } catch (error) {
    // Resolving the caller reads the database; if it is down, the procedure's
    // middleware answers 503 instead of the request failing as a 500.
    if (!isDatabaseUnavailable(error)) throw error;
    return createContextInner({ db, caller: null, databaseUnavailable: true });
  }
}
