/**
 * The credentials check behind the sign-in form.
 *
 * - An unknown email is verified against a dummy scrypt hash, so it costs
 *   the same time as a wrong password and returns the same answer.
 * - Attempts are claimed atomically per email + client and per client before
 *   any password work; past a limit the attempt is refused without it, and
 *   the right password forgives the pair's attempts (rate-limit.ts).
 */
import type { Db } from "@/server/db/client";
import { dummyPasswordHash, verifyPassword } from "./password";
import { loadEnv } from "@/env";
import { claimSignInAttempt, forgiveSignInAttempts } from "./rate-limit";

export type CredentialsResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export async function checkCredentials(
  db: Db,
  input: { email?: string | null; password?: string | null },
  client: string | null,
): Promise<CredentialsResult> {
  const email = (input.email ?? "").trim().toLowerCase();
  const password = input.password ?? "";
  if (!email || !password) return { ok: false, reason: "invalid" };

  const gate = await claimSignInAttempt(email, client);
  if (!gate.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: gate.retryAfterSeconds };

  // Before sign-in no account is known: the one narrow lookup by email
  // (a SECURITY DEFINER function, docs/isolation.md).
  const [user] = await db.$queryRaw<{ id: string; email: string; name: string; password_hash: string }[]>`
    SELECT * FROM flowpilot_sign_in_user(${email})`;
  const ok = await verifyPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !ok) return { ok: false, reason: "invalid" };
  await forgiveSignInAttempts(email, client);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/**
 * The client's address for the per-client limits, or null when it cannot be
 * known. X-Forwarded-For is whatever the client sent, plus one address per
 * proxy that appended to it, so only the last `trustedProxies` entries are
 * believable: the client is the entry the outermost trusted proxy added.
 * With no trusted proxy (the default) the header is ignored, because Next's
 * server only fills it from the socket when the client did not send one.
 */
export function clientAddress(
  headers: Headers | Record<string, string | string[] | undefined>,
  trustedProxies: number = loadEnv().TRUSTED_PROXY_COUNT,
): string | null {
  if (trustedProxies < 1) return null;
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const hops = value?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  return hops.at(-trustedProxies) ?? null;
}
