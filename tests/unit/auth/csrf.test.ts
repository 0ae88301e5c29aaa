// @vitest-environment node
// (happy-dom's Request drops forbidden headers such as Origin and Sec-Fetch-Site.)
import { describe, expect, it } from "vitest";
import { CROSS_SITE_REFUSED, crossSiteRefusal } from "@/server/auth/csrf";

const URL_ = "http://app.flowpilot.test/api/trpc/apiKeys.create";
const post = (headers: Record<string, string>) =>
  new Request(URL_, { method: "POST", headers: { host: "app.flowpilot.test", ...headers } });

describe("crossSiteRefusal", () => {
  it("lets same-origin browser POSTs through", () => {
    expect(crossSiteRefusal(post({ origin: "http://app.flowpilot.test", "sec-fetch-site": "same-origin" }))).toBeNull();
  });

  it("lets non-browser clients through (no Origin, no Sec-Fetch-Site)", () => {
    expect(crossSiteRefusal(post({}))).toBeNull();
  });

  it("accepts the origin the proxy forwarded", () => {
    expect(
      crossSiteRefusal(post({ origin: "https://flowpilot.example", "x-forwarded-host": "flowpilot.example" })),
    ).toBeNull();
  });

  it.each([
    ["a cross-site fetch", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["a sibling subdomain", { "sec-fetch-site": "same-site", origin: "http://evil.flowpilot.test" }],
    ["a foreign Origin without Sec-Fetch-Site", { origin: "https://evil.example" }],
    ["an opaque origin", { origin: "null" }],
    ["a foreign Origin even when Sec-Fetch-Site says same-origin", { origin: "https://evil.example", "sec-fetch-site": "same-origin" }],
  ])("refuses %s", (_what, headers) => {
    expect(crossSiteRefusal(post(headers))).toBe(CROSS_SITE_REFUSED);
  });

  it("never refuses reads", () => {
    const get = new Request(URL_, { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
    expect(crossSiteRefusal(get)).toBeNull();
  });
});
