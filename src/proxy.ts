/**
 * Runs before every page and API route:
 * - sets the security headers (security-headers.ts), with a fresh CSP nonce
 *   passed to the page as `x-nonce` and in the request's CSP header, where
 *   Next looks for it to mark its own inline scripts;
 * - passes the request path to server components (x-pathname), so a visitor
 *   sent to sign-in comes back to the page they asked for.
 */
import { NextResponse, type NextRequest } from "next/server";
import { newNonce, securityHeaders } from "@/server/http/security-headers";

export function proxy(req: NextRequest) {
  const nonce = newNonce();
  const https = req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  const security = securityHeaders({ nonce, https, development: process.env.NODE_ENV === "development" });

  const headers = new Headers(req.headers);
  headers.set("x-pathname", req.nextUrl.pathname + req.nextUrl.search);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", security["Content-Security-Policy"]!);
  const res = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(security)) res.headers.set(name, value);
  return res;
}

// Everything but Next's static files, which carry no scripts of their own to run.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
