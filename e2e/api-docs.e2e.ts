import { expect, test } from "./support/test";
import { createDb } from "../src/server/db/client";
import { generateApiKey } from "../src/server/auth/api-keys";
import { DEMO, signInAs } from "./support/session";

const PATH = "/api/v1/analytics/flowpilot/escalations";

/** A real API key for a demo user, written as the settings page would. */
async function apiKeyFor(email: string): Promise<string> {
  const db = createDb(process.env.E2E_DATABASE_URL!);
  try {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const key = generateApiKey();
    await db.apiKey.create({
      data: { accountId: user.accountId, userId: user.id, name: "e2e", keyHash: key.hash, keyPrefix: key.displayPrefix },
    });
    return key.token;
  } finally {
    await db.$disconnect();
  }
}

test.describe("REST API on the built app", () => {
  test("answers a pilot's script: 200 with a key, 401 without, 403 for a viewer, 422 for a bad period", async ({ request }) => {
    const engineer = await apiKeyFor(DEMO.engineer);
    const viewer = await apiKeyFor(DEMO.viewer);
    const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

    const ok = await request.get(`${PATH}?period=90d`, auth(engineer));
    expect(ok.status()).toBe(200);
    const body = (await ok.json()) as Record<string, unknown>;
    expect(body.period).toBe("90d");
    expect(typeof body.n_handoffs_claimed).toBe("number");
    expect(body.metric_definition).toMatch(/manual baseline/);

    expect((await request.get(`${PATH}?period=1d`)).status()).toBe(401);
    const forbidden = await request.get(PATH, auth(viewer));
    expect(forbidden.status()).toBe(403);
    expect(((await forbidden.json()) as { detail: string }).detail).toMatch(/engineer or admin/);
    const invalid = await request.get(`${PATH}?period=7d&period=30d`, auth(engineer));
    expect(invalid.status()).toBe(422);
    expect(((await invalid.json()) as { detail: string }).detail).toMatch(/period/);

    const doc = await request.get("/api/openapi.json");
    expect(doc.status()).toBe(200);
    expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
  });
});

test.describe("API reference page", () => {
  test("works at 390 px and by keyboard, with a curl command that can be copied", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, DEMO.engineer);
    await page.goto("/docs/api");

    await expect(page.getByRole("heading", { level: 1 })).toContainText("API reference");
    // The metric's own section; the report endpoints below it share the path prefix.
    await expect(page.getByRole("heading", { name: "get /analytics/flowpilot/escalations", exact: true })).toBeVisible();
    for (const text of ["7d", "90d", "p95_seconds_to_first_action", "engineer or admin", "Invalid input"]) {
      await expect(page.getByText(text, { exact: false }).first()).toBeVisible();
    }
    const curl = page.getByLabel("curl example").first();
    await expect(curl).toContainText(`${baseURL}${PATH}?period=30d`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: "test-results/api-docs-390.png", fullPage: true });

    // Keyboard only: Tab to the copy button and press Enter.
    const copy = page.getByRole("button", { name: "Copy curl command" }).first();
    for (let i = 0; i < 40 && !(await copy.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(copy).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Copied." })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`curl -sS -H "Authorization: Bearer $FLOWPILOT_API_KEY" "${baseURL}${PATH}?period=30d"`);
  });

  test("documents the manual baseline and savings endpoints", async ({ page }) => {
    await signInAs(page, DEMO.engineer);
    await page.goto("/docs/api");
    for (const name of [
      "get /analytics/flowpilot/baseline",
      "post /analytics/flowpilot/baseline",
      "delete /analytics/flowpilot/baseline/{id}",
      "get /analytics/flowpilot/savings",
    ]) {
      await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
    }
    await expect(page.getByText("baseline:write").first()).toBeVisible();
  });
});
