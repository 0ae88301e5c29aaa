import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { DEMO_PASSWORD } from "@/ops/seed/demo";
import { DEMO, signInAs } from "./support/session";

async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an engineer signs in with the keyboard and returns to the page they asked for", async ({ page, context }) => {
  await page.goto("/settings/api-keys");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%2Fapi-keys$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  // The email field has focus on arrival; Tab to the password, Enter submits.
  await page.keyboard.type(DEMO.engineer);
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByTestId("current-user")).toContainText("engineer");
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();

  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});

test("a wrong password and an unknown email show the same error", async ({ page }) => {
  await page.goto("/signin");
  await fillSignIn(page, DEMO.engineer, "not-the-password");
  // (Next adds its own role="alert" route announcer outside the form.)
  const alert = page.locator("form").getByRole("alert");
  await expect(alert).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByLabel("Password")).toBeFocused();

  await fillSignIn(page, "nobody@demo.flowpilot.test", DEMO_PASSWORD);
  await expect(alert).toHaveText("Wrong email or password.");
  await expect(page.getByTestId("current-user")).toHaveCount(0);
});

test("a callbackUrl to another site is ignored", async ({ page, baseURL }) => {
  await page.goto("/signin?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal");
  await fillSignIn(page, DEMO.admin, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname !== "/signin");
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  expect(new URL(page.url()).pathname).toBe("/queue");
});

test("a signed-in visitor is never redirected to another origin by callbackUrl", async ({ page, baseURL }) => {
  await signInAs(page, DEMO.engineer);
  const hostile = [
    "/a/..//evil.example", "/a/%2e%2e//evil.example", "/a/../\\evil.example", "/%2F%2Fevil.example",
    "/\t/evil.example", "/\n/evil.example", "//evil.example", "javascript:alert(1)", "https://evil.example/",
  ];
  for (const value of hostile) {
    const res = await page.request.get(`/signin?callbackUrl=${encodeURIComponent(value)}`, { maxRedirects: 0 });
    expect(res.status(), value).toBe(307);
    const location = res.headers()["location"]!;
    expect(new URL(location, baseURL).origin, `${JSON.stringify(value)} → ${location}`).toBe(new URL(baseURL!).origin);
    expect(location, value).not.toMatch(/^\/[\/\\]/);
  }
  // The raw form of the reported link, with its slashes unencoded.
  const raw = await page.request.get("/signin?callbackUrl=/a/..//evil.example", { maxRedirects: 0 });
  expect(raw.headers()["location"]).toBe("/queue");
});

test("signing out ends the session", async ({ page }) => {
  await page.goto("/signin?callbackUrl=%2Fsettings%2Fapi-keys");
  await fillSignIn(page, DEMO.owner, DEMO_PASSWORD);
  await expect(page.getByTestId("current-user")).toContainText("owner");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/settings/api-keys");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});

test("the sign-in page fits a 390 px wide phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
