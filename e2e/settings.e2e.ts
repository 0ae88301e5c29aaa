import { expect, test } from "./support/test";
import { DEMO, signInAs } from "./support/session";
import { scrollsSideways } from "./support/escalations";

test.describe("account settings", () => {
  test("an owner sets the time zone and target; the queue's card shows the share within target", async ({ page }) => {
    await signInAs(page, DEMO.owner);
    await page.goto("/queue");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\/settings\/account$/);
    await expect(page.getByRole("heading", { name: "Account settings" })).toBeVisible();
    const settingsNav = page.getByRole("navigation", { name: "Settings" });
    await expect(settingsNav.getByRole("link")).toHaveText(["Account", "API keys"]);

    const zone = page.getByLabel("Time zone");
    const target = page.getByLabel("Target for time to first action, in seconds");
    await expect(zone).toHaveValue("UTC");
    await expect(target).toHaveValue("");
    await zone.selectOption("Europe/Berlin");
    await target.fill("900");
    await expect(page.getByTestId("target-hint")).toHaveText("That is 15m.");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");

    // Stored: a reload shows the values, and the API uses them.
    await page.reload();
    await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
    await expect(page.getByLabel("Target for time to first action, in seconds")).toHaveValue("900");
    const series = await page.request.get("/api/v1/analytics/flowpilot/escalations/series?period=7d");
    expect(await series.json()).toMatchObject({ time_zone: "Europe/Berlin", target_seconds: 900 });

    await page.goto("/queue");
    await expect(page.getByTestId("stat-within-target")).toContainText("within the 15m target");

    // A value the server refuses (too large to store) says why and changes nothing.
    await page.goto("/settings/account");
    await page.getByLabel("Target for time to first action, in seconds").fill("9999999999");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("account-settings-form").getByRole("alert")).toContainText("whole number of seconds");
    await page.reload();
    await expect(page.getByLabel("Target for time to first action, in seconds")).toHaveValue("900");

    // Back to the demo's defaults, so other tests see the account as seeded.
    await page.getByLabel("Time zone").selectOption("UTC");
    await page.getByLabel("Target for time to first action, in seconds").fill("");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");
    await page.goto("/queue");
    await expect(page.getByTestId("stat-card")).toHaveAttribute("data-state", "ready");
    await expect(page.getByTestId("stat-within-target")).toHaveCount(0);
  });

  test("the form works from the keyboard at 390 px", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, DEMO.admin);
    await page.goto("/settings/account");
    const zone = page.getByLabel("Time zone");
    await zone.focus();
    await expect(zone).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Target for time to first action, in seconds")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Save" })).toBeFocused();
    expect(await scrollsSideways(page, 390)).toBe(false);
  });

  for (const role of ["engineer", "viewer"] as const) {
    test(`${role}s see the values read-only`, async ({ page }) => {
      await signInAs(page, DEMO[role]);
      await page.goto("/queue");
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
      await expect(page).toHaveURL(/\/settings\/account$/);
      await expect(page.getByTestId("setting-time-zone")).toHaveText("UTC");
      await expect(page.getByTestId("setting-target")).toHaveText("No target");
      await expect(page.getByText("Only owners and admins can change these settings.")).toBeVisible();
      await expect(page.getByRole("combobox")).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
      const tabs = page.getByRole("navigation", { name: "Settings" }).getByRole("link");
      await expect(tabs).toHaveText(role === "engineer" ? ["Account", "API keys"] : ["Account"]);
      // The endpoint refuses a change whatever the page shows.
      const res = await page.request.post("/api/trpc/account.updateSettings", {
        data: { first_action_target_seconds: 60 },
        headers: { "content-type": "application/json" },
      });
      expect(res.status()).toBe(403);
    });
  }

  test("/settings opens the account settings", async ({ page }) => {
    await signInAs(page, DEMO.viewer);
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/settings\/account$/);
  });
});
