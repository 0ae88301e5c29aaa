/**
 * Resolves who is calling from request headers, for tRPC, REST and pages alike.
 *
 * 1. `Authorization: Bearer …` → the API key's user, with the key's scopes.
 *    Once a bearer header is sent, cookies are ignored: a rejected key is a
 *    401, never a fallback to the browser session. Other schemes (`Basic`
 *    from a proxy in front of the app) are not ours and are ignored.
 * 2. Otherwise the next-auth session cookie → its user.
 * 3. Either way the user is read from the database on every request, so a
 *    role change or removal takes effect on the next call.
 *
 * These lookups come before the caller's account is known, so they cannot
 * run in an account's scope (scope.ts). They go through the narrow SECURITY
 * DEFINER functions of the row_level_security migration instead, which
 * return one user (and key) for one exact id or hash, and only the columns
 * a Caller needs: never a password hash (docs/isolation.md).
 */
import { parse as parseCookies } from "cookie";
import { Prisma } from "@/generated/prisma/client";
import type { AccountRole } from "@/generated/prisma/enums";
import type { Db } from "@/server/db/client";
import { readBeforeScope } from "@/server/db/statements";
import { isPgUuid } from "@/server/db/uuid";
import { callerFromUser, type Caller } from "./roles";
import { hashApiKey, parseBearer } from "./api-keys";
import { secureCookiesEnabled } from "./cookies";
import { isApiKeyScope } from "./scopes";
import { authSecret } from "./secret";
import { decodeSessionToken } from "./session-token";

export type ResolvedCaller = { caller: Caller | null; authFailure?: string };

/** A row of flowpilot_session_caller / flowpilot_api_key_caller. */
type CallerRow = { id: string; account_id: string; account_role: AccountRole; email: string; name: string };

const toCallerUser = (row: CallerRow) =>
  ({ id: row.id, accountId: row.account_id, accountRole: row.account_role, email: row.email, name: row.name });

const INVALID_KEY = "Invalid API key: it is malformed, unknown or revoked.";

/** Whether the request authenticates with an API key (and so carries no ambient cookie authority). */
export function sendsBearer(headers: Headers): boolean {
  return parseBearer(headers.get("authorization")) !== null;
}

export async function resolveCaller(db: Db, headers: Headers): Promise<ResolvedCaller> {
  const bearer = parseBearer(headers.get("authorization"));
  if (bearer) {
    if ("malformed" in bearer) return { caller: null, authFailure: INVALID_KEY };
    return resolveApiKey(db, bearer.token);
  }
  return { caller: await resolveSessionUser(db, headers) };
}

/** The signed-in user from the session cookie alone; pages act as that user only. */
export async function resolveSessionUser(db: Db, headers: Headers): Promise<Caller | null> {
  const token = sessionToken(headers);
  if (!token) return null;
  const jwt = await decodeSessionToken(token, authSecret());
  // A token signed with our secret names a user id; anything else names nobody.
  if (!jwt?.sub || !isPgUuid(jwt.sub)) return null;
  const [user] = await readBeforeScope<CallerRow>(db, Prisma.sql`SELECT * FROM flowpilot_session_caller(${jwt.sub}::uuid)`);
  return user ? callerFromUser(toCallerUser(user)) : null;
}

/**
 * The session cookie's value. next-auth names it after `secureCookiesEnabled`
 * and splits a large token into `name.0`, `name.1`, …; ours holds only the
 * user id, but the chunks are joined in order all the same.
 */
function sessionToken(headers: Headers): string | null {
  const name = secureCookiesEnabled() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
  const cookies = parseCookies(headers.get("cookie") ?? "");
  if (cookies[name]) return cookies[name];
  const chunks: string[] = [];
  for (let i = 0; cookies[`${name}.${i}`]; i++) chunks.push(cookies[`${name}.${i}`]!);
  return chunks.length ? chunks.join("") : null;
}

async function resolveApiKey(db: Db, token: string): Promise<ResolvedCaller> {
  // Unknown, revoked, or no longer its user's account's key: no row. The
  // function also records the use (last_used_at, at most once a minute).
  const [key] = await readBeforeScope<CallerRow & { api_key_id: string; scopes: string[] }>(db, Prisma.sql`
    SELECT * FROM flowpilot_api_key_caller(${hashApiKey(token)})`);
  if (!key) return { caller: null, authFailure: INVALID_KEY };
  // A scope this version does not know (written by a newer one) grants nothing.
  return { caller: callerFromUser(toCallerUser(key), key.api_key_id, key.scopes.filter(isApiKeyScope)) };
}
