import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath, sameOriginRedirect } from "@/server/auth/callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/analytics/escalations?period=7d", "/analytics/escalations?period=7d"],
    ["/settings/api-keys#new", "/settings/api-keys#new"],
    ["/queue/../settings", "/settings"],
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    undefined,
    null,
    "",
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "queue",
    "/signin?callbackUrl=/queue",
    "/api/auth/signout",
  ])("replaces %s with the default page", (input) => {
    expect(safeCallbackPath(input)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  // Each of these parses to a path that a browser (or a proxy that decodes
  // first) would read as another site, or to no path at all.
  it.each([
    "/a/..//evil.example",
    "/a/../\\evil.example",
    "/a/%2e%2e//evil.example",
    "/a/.%2E//evil.example",
    "/./\\evil.example",
    "/%2F%2Fevil.example",
    "/%2f/evil.example",
    "/%5C%5Cevil.example",
    "/%5c/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n//evil.example",
    "/\u0000//evil.example",
    "\t//evil.example",
    " //evil.example",
    "/\\/evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "/javascript:alert(1)//",
    "data:text/html,<script>alert(1)</script>",
    "https:evil.example",
    "/a/..//evil.example/queue?x=1#y",
  ].map((v) => [JSON.stringify(v), v]))(
    "never answers %s with a path that leaves the site",
    (_label, input) => {
      const result = safeCallbackPath(input);
      expect(result.startsWith("/")).toBe(true);
      expect(result).not.toMatch(/^\/[\/\\]/);
      expect(decodeURIComponent(result)).not.toMatch(/^[\s\u0000-\u001f]*\/[\s\u0000-\u001f]*[\/\\]/);
      expect(new URL(result, "https://flowpilot.example").origin).toBe("https://flowpilot.example");
    },
  );

  it("takes the first value when the parameter is repeated", () => {
    expect(safeCallbackPath(["/analytics/escalations", "https://evil.example"])).toBe("/analytics/escalations");
  });
});

describe("sameOriginRedirect (next-auth's redirect callback)", () => {
  const base = "https://flowpilot.example";
  it("keeps relative and same-origin targets", () => {
    expect(sameOriginRedirect("/queue", base)).toBe(`${base}/queue`);
    expect(sameOriginRedirect(`${base}/settings/api-keys`, base)).toBe(`${base}/settings/api-keys`);
  });
  it("sends other origins to the default page", () => {
    expect(sameOriginRedirect("https://evil.example/queue", base)).toBe(`${base}${DEFAULT_AFTER_SIGN_IN}`);
    expect(sameOriginRedirect("//evil.example", base)).toBe(`${base}${DEFAULT_AFTER_SIGN_IN}`);
    expect(sameOriginRedirect("not a url", base)).toBe(`${base}${DEFAULT_AFTER_SIGN_IN}`);
  });
});
