/**
 * Where to go after signing in. Only a path on this site is accepted, so a
 * link like /signin?callbackUrl=https://evil.example cannot send a freshly
 * signed-in user elsewhere. Used by the sign-in page, the form and
 * next-auth's redirect callback. Pure: safe to import in the browser.
 */
export const DEFAULT_AFTER_SIGN_IN = "/queue";

const BASE = "http://flowpilot.invalid";

export function safeCallbackPath(raw: string | string[] | null | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  // "//host" and "/\host" are protocol-relative to browsers; reject before parsing.
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return DEFAULT_AFTER_SIGN_IN;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== BASE) return DEFAULT_AFTER_SIGN_IN;
  // Never bounce back to sign-in itself or into next-auth's endpoints.
  if (url.pathname === "/signin" || url.pathname.startsWith("/api/auth")) return DEFAULT_AFTER_SIGN_IN;
  return url.pathname + url.search + url.hash;
}

/** next-auth's redirect callback: relative or same-origin targets only. */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/")) return baseUrl + safeCallbackPath(url);
  try {
    const target = new URL(url);
    if (target.origin === new URL(baseUrl).origin) return baseUrl + safeCallbackPath(target.pathname + target.search + target.hash);
  } catch {
    // fall through
  }
  return baseUrl + DEFAULT_AFTER_SIGN_IN;
}
