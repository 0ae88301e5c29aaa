/**
 * Where to go after signing in. Only a path on this site is accepted, so a
 * link like /signin?callbackUrl=https://evil.example cannot send a freshly
 * signed-in user elsewhere. Used by the sign-in page, the form and
 * next-auth's redirect callback. Pure: safe to import in the browser.
 *
 * The *result* is what gets checked: parsing removes dot segments, tabs and
 * newlines and turns backslashes into slashes, so an input that looks like a
 * path (`/a/..//evil.example`) can parse into one that is not (`//evil.example`).
 */
export const DEFAULT_AFTER_SIGN_IN = "/queue";

const BASE = "http://flowpilot.invalid";

export function safeCallbackPath(raw: string | string[] | null | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value?.startsWith("/")) return DEFAULT_AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  const path = url.pathname + url.search + url.hash;
  if (url.origin !== BASE || !staysOnThisSite(path)) return DEFAULT_AFTER_SIGN_IN;
  // Never bounce back to sign-in itself or into next-auth's endpoints.
  if (url.pathname === "/signin" || url.pathname.startsWith("/api/auth")) return DEFAULT_AFTER_SIGN_IN;
  return path;
}

/**
 * Whether a browser, or a proxy that decodes percent-escapes first, reads
 * `path` as a path on this site: one leading slash, then neither a slash nor
 * a backslash, and no control characters anywhere.
 */
function staysOnThisSite(path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return false;
  if (!/^\/(?!\/)/.test(path) || !/^\/(?!\/)/.test(decoded)) return false;
  return new URL(path, BASE).origin === BASE;
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
