import { expect, test } from "./support/test";
import { DEMO, signInAs } from "./support/session";

const METRIC = "/api/v1/analytics/flowpilot/escalations?period=30d";

test("an admin creates a key, it works from a script, and stops working once revoked", async ({ page, request }) => {
  await signInAs(page, DEMO.admin);
  await page.goto("/settings/api-keys");
  await expect(page.getByRole("heading", { name: "Keys in this account" })).toBeVisible();

  await page.getByLabel("Key name").fill("E2E pilot script");
  // Read-only analytics unless more is chosen.
  await expect(page.getByRole("checkbox", { name: /analytics:read/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /queue:write/ })).not.toBeChecked();
  await page.getByRole("checkbox", { name: /queue:write/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const tokenField = page.getByTestId("new-api-key-token");
  await expect(tokenField).toBeVisible();
  const token = await tokenField.inputValue();
  expect(token).toMatch(/^fp_[A-Za-z0-9_-]{43}$/);

  const row = page.getByTestId("api-key-row").filter({ hasText: "E2E pilot script" });
  await expect(row).toContainText(token.slice(0, 11));
  await expect(row).toContainText("Active");
  await expect(row.getByTestId("api-key-scopes")).toHaveText("analytics:read, queue:write");
  await expect(row).not.toContainText(token);

  // As a pilot's curl would call it.
  const ok = await request.get(METRIC, { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).period).toBe("30d");

  await page.getByRole("button", { name: "Done" }).click();
  await expect(tokenField).toHaveCount(0);

  // Escape cancels the confirmation and changes nothing.
  await row.getByRole("button", { name: "Revoke E2E pilot script" }).click();
  const dialog = page.getByRole("dialog", { name: /Revoke “E2E pilot script”\?/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect((await request.get(METRIC, { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(200);

  await row.getByRole("button", { name: "Revoke E2E pilot script" }).click();
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Revoked");
  await expect(page.getByRole("status").filter({ hasText: "revoked" })).toBeVisible();

  const revoked = await request.get(METRIC, { headers: { Authorization: `Bearer ${token}` } });
  expect(revoked.status()).toBe(401);
  expect(typeof (await revoked.json()).detail).toBe("string");
});

test("an engineer sees only their own keys; a viewer has none", async ({ newPersonPage }) => {
  const engineer = await newPersonPage();
  await signInAs(engineer, DEMO.engineer);
  await engineer.goto("/settings/api-keys");
  await expect(engineer.getByRole("heading", { name: "Your keys" })).toBeVisible();
  await expect(engineer.getByText("E2E pilot script")).toHaveCount(0);

  const viewer = await newPersonPage();
  await signInAs(viewer, DEMO.viewer);
  await viewer.goto("/settings/api-keys");
  await expect(viewer.getByText(/Your role \(viewer\) cannot have API keys/)).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Create key" })).toHaveCount(0);
});

test("a cross-site request cannot create a key with the session cookie", async ({ page }) => {
  await signInAs(page, DEMO.owner);
  const res = await page.request.post("/api/trpc/apiKeys.create", {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: { name: "planted" },
  });
  expect(res.status()).toBe(403);
  await page.goto("/settings/api-keys");
  await expect(page.getByTestId("api-key-row").first().or(page.getByText(/No API keys yet/))).toBeVisible();
  await expect(page.getByText("planted")).toHaveCount(0);
});

test("the keys page fits a 390 px wide phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, DEMO.owner);
  await page.goto("/settings/api-keys");
  await page.getByLabel("Key name").fill("Phone-sized key");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-api-key-token")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
