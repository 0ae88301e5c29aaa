/**
 * Decoding the session cookie, with a memo of tokens already decoded.
 *
 * next-auth's `decode` derives the encryption key from the secret (HKDF) and
 * decrypts the token (A256GCM) on every call; the profile of a queue read
 * (npm run load -- --profile) showed the key derivation alone at about half
 * a millisecond of CPU per request. A token string always decodes to the
 * same payload, so a token seen before is answered from memory, until its
 * own expiry: what it grants does not change. This memoises *who the token
 * names*, never what that user may do: the user, role and account are still
 * read from the database on every request (caller.ts).
 *
 * Only tokens that decoded successfully are kept, at most MAX_ENTRIES, the
 * least recently used dropped first, so forged tokens cannot fill it.
 */
import { decode, type JWT } from "next-auth/jwt";

const MAX_ENTRIES = 10_000;
/** next-auth's own clock tolerance for exp, in seconds */
const CLOCK_TOLERANCE_S = 15;

type Entry = { payload: JWT; secret: string };
const decoded = new Map<string, Entry>();

const expired = (payload: JWT) =>
  typeof payload.exp === "number" && Date.now() / 1000 > payload.exp + CLOCK_TOLERANCE_S;

/** The token's payload, or null when it is not a valid, unexpired session token for `secret`. */
export async function decodeSessionToken(token: string, secret: string): Promise<JWT | null> {
  const hit = decoded.get(token);
  if (hit && hit.secret === secret) {
    decoded.delete(token);
    if (expired(hit.payload)) return null;
    decoded.set(token, hit);
    return hit.payload;
  }
  const payload = await decode({ token, secret }).catch(() => null);
  if (!payload) return null;
  decoded.set(token, { payload, secret });
  if (decoded.size > MAX_ENTRIES) decoded.delete(decoded.keys().next().value!);
  return payload;
}
