import { expect, test } from "./support/test";
import { DEMO, signInAs } from "./support/session";

// Every page the app has, as a signed-in owner sees it; the session page's id is read from the queue.
const PAGES = ["/queue", "/analytics/escalations?period=30d", "/settings/api-keys", "/docs/api", "/settings"];

test("every page carries the security headers, renders, and runs its scripts under the policy", async ({ page }) => {
  test.slow(); // eight page loads in one test
  await signInAs(page, DEMO.owner);
  const sessionLink = async () => {
    await page.goto("/queue");
    return page.locator('a[href^="/sessions/"]').first().getAttribute("href");
  };
  const paths = [...PAGES, (await sessionLink())!, "/no-such-page"];
  const nonces = new Set<string>();
  for (const path of paths) {
    const res = (await page.goto(path))!;
    const headers = res.headers();
    const csp = headers["content-security-policy"]!;
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
    expect(csp, path).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    // Served over plain http here: no HSTS.
    expect(headers["strict-transport-security"], path).toBeUndefined();
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
    // React took over the page (its scripts ran): the header's links are live.
    await expect(page.getByRole("banner").or(page.getByRole("heading")).first()).toBeVisible();
  }
  expect(nonces.size, "a fresh nonce per response").toBe(paths.length);
  // Hydrated: client-side navigation works.
  await page.goto("/queue");
  await page.getByRole("link", { name: "API docs" }).first().click();
  await expect(page).toHaveURL(/\/docs\/api$/);
});

test("the sign-in page works under the policy and API answers carry the headers too", async ({ page, request }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(DEMO.engineer);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");

  const api = await request.get("/api/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("HSTS is sent when the request came over https", async ({ request }) => {
  const res = await request.get("/signin", { headers: { "x-forwarded-proto": "https" } });
  expect(res.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
});

test("another site cannot frame the app", async ({ browser, baseURL }) => {
  // A context of its own: the blocked frame is the expected violation here.
  const context = await browser.newContext();
  const page = await context.newPage();
  const framed = page.waitForEvent("console", (m) => /frame-ancestors/.test(m.text()));
  await page.setContent(`<iframe src="${baseURL}/signin" title="framed"></iframe>`);
  await framed;
  await expect(page.frameLocator("iframe").getByRole("button", { name: "Sign in" })).toHaveCount(0);
  await context.close();
});
