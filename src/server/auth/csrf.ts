/**
 * Cross-site request refusal for cookie-authenticated, state-changing
 * requests (tRPC mutations arrive as POST to /api/trpc).
 *
 * The session cookie is SameSite=Lax, which already keeps it off cross-site
 * POSTs in current browsers; this check also covers same-site attackers (a
 * sibling subdomain) and older browsers. Browsers send `Sec-Fetch-Site` and
 * `Origin` on every POST and pages cannot forge either, so:
 *   - Sec-Fetch-Site other than same-origin (or none: typed by the user) → refused;
 *   - an Origin that is not this site → refused;
 *   - neither header → not a browser (curl, a server), which carries no
 *     ambient cookie of a victim → allowed.
 * next-auth's own POST routes use its double-submit CSRF token instead.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CROSS_SITE_REFUSED = "Cross-site request refused: state-changing calls must come from this site.";

/** Why the request must be refused, or null when it may proceed. */
export function crossSiteRefusal(req: Request): string | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return CROSS_SITE_REFUSED;
  const origin = req.headers.get("origin");
  if (origin !== null && !isOwnOrigin(origin, req)) return CROSS_SITE_REFUSED;
  return null;
}

function isOwnOrigin(origin: string, req: Request): boolean {
  let host: string;
  try {
    host = new URL(origin).host; // "null" (sandboxed frames, opaque origins) throws: refused
  } catch {
    return false;
  }
  // The Host header is what the browser addressed; a page on another site cannot set it.
  const candidates = [
    req.headers.get("x-forwarded-host")?.split(",")[0]?.trim(),
    req.headers.get("host"),
    safeHost(req.url),
    // The public URL next-auth is configured with (read as next-auth reads it).
    safeHost(process.env.NEXTAUTH_URL),
  ];
  return candidates.some((c) => c && c.toLowerCase() === host.toLowerCase());
}

function safeHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
