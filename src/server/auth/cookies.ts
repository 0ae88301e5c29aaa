/**
 * Whether next-auth's cookies carry `Secure` (and the `__Secure-` name
 * prefix). They are always httpOnly and SameSite=Lax.
 *
 * next-auth alone decides from NEXTAUTH_URL's scheme, which would leave a
 * production server with a forgotten or http URL sending its session cookie
 * in clear. Here production always means Secure, except for a plain-http
 * URL on a loopback host (a production build run locally or by the e2e
 * suite), where browsers could not send it back otherwise.
 *
 * The same answer must reach next-auth (`useSecureCookies`) and `getToken`
 * (`secureCookie`), or the cookie would be written under one name and read
 * under another.
 */
import { loadEnv, type Env } from "@/env";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function secureCookiesEnabled(env: Pick<Env, "NODE_ENV" | "NEXTAUTH_URL"> = loadEnv()): boolean {
  const { NODE_ENV, NEXTAUTH_URL } = env;
  if (NEXTAUTH_URL?.startsWith("https://")) return true;
  if (NODE_ENV !== "production") return false;
  if (!NEXTAUTH_URL) return true;
  return !LOOPBACK_HOSTS.has(new URL(NEXTAUTH_URL).hostname);
}
