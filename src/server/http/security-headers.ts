/**
 * The security headers of every response, in one place (applied by
 * src/proxy.ts).
 *
 * - Content-Security-Policy: scripts run only with this response's nonce
 *   (Next reads it from the request's CSP header and puts it on its own
 *   inline scripts; 'strict-dynamic' lets those load the app's chunks).
 *   `frame-ancestors 'none'` stops the pages being framed (clickjacking of
 *   Revoke and Create key). Styles allow 'unsafe-inline' because charts and
 *   React set style attributes, which cannot carry a nonce.
 * - `next dev` needs 'unsafe-eval' for React's refresh; only there.
 * - HSTS only when the request came over https: over http it would be
 *   ignored anyway, and a plain-http local build must stay reachable.
 */
export type SecurityContext = { nonce: string; development: boolean; https: boolean };

export function contentSecurityPolicy({ nonce, development, https }: SecurityContext): string {
  const scripts = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(context: SecurityContext): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(context),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // For browsers without frame-ancestors support.
    "X-Frame-Options": "DENY",
    ...(context.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** A fresh nonce per response (128 random bits, base64). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
