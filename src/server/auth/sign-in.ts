/**
 * The credentials check behind the sign-in form.
 *
 * - An unknown email is verified against a dummy scrypt hash, so it costs
 *   the same time as a wrong password and returns the same answer.
 * - Failures are counted per email and per client address; past the limit
 *   the attempt is refused before any password work (rate-limit.ts).
 */
import type { Db } from "@/server/db/client";
import { dummyPasswordHash, verifyPassword } from "./password";
import { recordSignInFailure, recordSignInSuccess, signInAllowed } from "./rate-limit";

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

  const gate = await signInAllowed(email, client);
  if (!gate.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: gate.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok) {
    await recordSignInFailure(email, client);
    return { ok: false, reason: "invalid" };
  }
  await recordSignInSuccess(email);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/**
 * The client's address for the per-client limit: the last hop of
 * X-Forwarded-For, which is the one added by the nearest proxy (Next's own
 * server adds the socket address when the header is absent). Earlier hops
 * are whatever the client claimed and are ignored.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return last ?? null;
}
