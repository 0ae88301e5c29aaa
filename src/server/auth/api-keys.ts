/**
 * Pilot API keys.
 *
 * A key is `fp_` + 32 random bytes (base64url). Only its sha256 is stored:
 * the token has 256 bits of entropy, so a slow password hash adds nothing,
 * and a fast hash lets us find the key by an indexed equality lookup. The
 * first 11 characters are kept in clear so people can tell keys apart.
 */
import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "fp_";
const TOKEN_PATTERN = /^fp_[A-Za-z0-9_-]{43}$/;
export const DISPLAY_PREFIX_LENGTH = 11;

export function generateApiKey(): { token: string; hash: string; displayPrefix: string } {
  const token = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashApiKey(token), displayPrefix: token.slice(0, DISPLAY_PREFIX_LENGTH) };
}

export function hashApiKey(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The key in an `Authorization: Bearer …` header: the token, `malformed`
 * when the Bearer credential is not one of our keys, or null when there is
 * no header or it uses another scheme (a proxy's `Basic`, say), which is
 * not ours to judge.
 */
export function parseBearer(header: string | null | undefined): { token: string } | { malformed: true } | null {
  const [scheme, ...credentials] = header?.trim().split(/\s+/) ?? [];
  if (scheme?.toLowerCase() !== "bearer") return null;
  const token = credentials.length === 1 ? credentials[0]! : "";
  return TOKEN_PATTERN.test(token) ? { token } : { malformed: true };
}
