/**
 * Resolves who is calling from request headers, for tRPC and REST alike.
 *
 * 1. `Authorization: Bearer fp_…` → the API key's user. Once a bearer header
 *    is sent, cookies are ignored: a rejected key is a 401, never a fallback
 *    to the browser session.
 * 2. Otherwise the next-auth session cookie → its user.
 * 3. Either way the user is read from the database on every request, so a
 *    role change or removal takes effect on the next call.
 */
import { getToken } from "next-auth/jwt";
import { NextRequest } from "next/server";
import type { Db } from "@/server/db/client";
import { callerFromUser, type Caller } from "./roles";
import { hashApiKey, parseBearer } from "./api-keys";
import { secureCookiesEnabled } from "./cookies";
import { authSecret } from "./secret";

export type ResolvedCaller = { caller: Caller | null; authFailure?: string };

// Only what a Caller needs: the password hash is never read here.
const callerUserSelect = { id: true, accountId: true, accountRole: true, email: true, name: true } as const;

const INVALID_KEY = "Invalid API key: it is malformed, unknown or revoked.";

export async function resolveCaller(db: Db, req: Request): Promise<ResolvedCaller> {
  const bearer = parseBearer(req.headers.get("authorization"));
  if (bearer) {
    if ("malformed" in bearer) return { caller: null, authFailure: INVALID_KEY };
    return resolveApiKey(db, bearer.token);
  }
  const nextReq = req instanceof NextRequest ? req : new NextRequest(req.url, { headers: req.headers });
  const token = await getToken({ req: nextReq, secret: authSecret(), secureCookie: secureCookiesEnabled() });
  if (!token?.sub) return { caller: null };
  const user = await db.user.findUnique({ where: { id: token.sub }, select: callerUserSelect });
  if (!user) return { caller: null };
  return { caller: callerFromUser(user) };
}

async function resolveApiKey(db: Db, token: string): Promise<ResolvedCaller> {
  const key = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(token) },
    select: { id: true, accountId: true, revokedAt: true, lastUsedAt: true, user: { select: callerUserSelect } },
  });
  // The key must still belong to its user's current account.
  if (!key || key.revokedAt || key.user.accountId !== key.accountId) {
    return { caller: null, authFailure: INVALID_KEY };
  }
  await touchLastUsed(db, key.id, key.lastUsedAt);
  return { caller: callerFromUser(key.user, key.id) };
}

/** last_used_at is written at most once a minute per key, to keep reads cheap. */
async function touchLastUsed(db: Db, id: string, lastUsedAt: Date | null) {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < 60_000) return;
  await db.apiKey.update({ where: { id }, data: { lastUsedAt: new Date() } });
}
