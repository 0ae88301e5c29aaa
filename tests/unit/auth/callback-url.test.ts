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
