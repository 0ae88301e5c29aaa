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
 */
import { parse as parseCookies } from "cookie";
import type { Db } from "@/server/db/client";
import { callerFromUser, type Caller } from "./roles";
import { hashApiKey, parseBearer } from "./api-keys";
import { secureCookiesEnabled } from "./cookies";
import { isApiKeyScope } from "./scopes";
import { authSecret } from "./secret";
import { decodeSessionToken } from "./session-token";

export type ResolvedCaller = { caller: Caller | null; authFailure?: string };

// Only what a Caller needs: the password hash is never read here.
const callerUserSelect = { id: true, accountId: true, accountRole: true, email: true, name: true } as const;

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
  if (!jwt?.sub) return null;
  const user = await db.user.findUnique({ where: { id: jwt.sub }, select: callerUserSelect });
  return user ? callerFromUser(user) : null;
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
  const key = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(token) },
    select: {
      id: true, accountId: true, revokedAt: true, lastUsedAt: true, scopes: true, user: { select: callerUserSelect },
    },
  });
  // The key must still belong to its user's current account.
  if (!key || key.revokedAt || key.user.accountId !== key.accountId) {
    return { caller: null, authFailure: INVALID_KEY };
  }
  await touchLastUsed(db, key.id, key.lastUsedAt);
  // A scope this version does not know (written by a newer one) grants nothing.
  return { caller: callerFromUser(key.user, key.id, key.scopes.filter(isApiKeyScope)) };
}

/** last_used_at is written at most once a minute per key, to keep reads cheap. */
async function touchLastUsed(db: Db, id: string, lastUsedAt: Date | null) {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < 60_000) return;
  await db.apiKey.update({ where: { id }, data: { lastUsedAt: new Date() } });
}
