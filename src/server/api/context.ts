/**
 * The tRPC context, for every transport.
 *
 * - `createContextInner` takes an already-resolved caller, so tests, server
 *   components and scripts call procedures with `createCaller` and no HTTP.
 * - `createContext` is the request-bound part both HTTP transports use: it
 *   resolves the caller from the headers (session cookie or Bearer key) and
 *   decides whether the request is a cross-site one to refuse (csrf.ts).
 *   Refusals and an unreachable database are recorded here and answered by
 *   the base procedure, so both transports format them as every other error.
 */
import { getDb, type Db } from "@/server/db/client";
import { resolveCaller, sendsBearer } from "@/server/auth/caller";
import { crossSiteRefusal } from "@/server/auth/csrf";
import type { Caller } from "@/server/auth/roles";
import { isDatabaseUnavailable } from "@/server/db/errors";

export type Context = {
  db: Db;
  caller: Caller | null;
  /** Why authentication failed, when a credential was sent but rejected. */
  authFailure?: string;
  /** Set when a cookie-authenticated, state-changing request came from another site. */
  crossSiteRefusal?: string;
  /** Set when the caller could not be resolved because the database is down. */
  databaseUnavailable?: boolean;
  /** Extra response headers a procedure or middleware wants sent (e.g. Retry-After). */
  responseHeaders: Headers;
};

export type ContextInput = Omit<Context, "responseHeaders">;

export function createContextInner(opts: ContextInput): Context {
  return { ...opts, responseHeaders: new Headers() };
}

export async function createContext(req: Request, db: Db = getDb()): Promise<Context> {
  // A Bearer key is not ambient authority a page on another site could borrow;
  // the cookie is, so cookie-authenticated writes must come from this site.
  const refusal = sendsBearer(req.headers) ? null : crossSiteRefusal(req);
  const checks = refusal ? { crossSiteRefusal: refusal } : {};
  try {
    return createContextInner({ db, ...checks, ...(await resolveCaller(db, req.headers)) });
  } catch (error) {
    // Resolving the caller reads the database; if it is down, the procedure's
    // middleware answers 503 instead of the request failing as a 500.
    if (!isDatabaseUnavailable(error)) throw error;
    return createContextInner({ db, caller: null, ...checks, databaseUnavailable: true });
  }
}
