import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { DEMO, signInAs } from "./support/session";
import { restMetric, scrollsSideways } from "./support/escalations";
import { formatCount, formatDuration } from "../src/lib/format";

async function shownNumbers(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  return {
    claimed: await page.getByTestId("metric-claimed").textContent(),
    withAction: await page.getByTestId("metric-with-action").textContent(),
    median: await page.getByTestId("metric-median").textContent(),
    avg: await page.getByTestId("metric-avg").textContent(),
    p95: await page.getByTestId("metric-p95").textContent(),
  };
}

async function expectMatchesRest(page: Page, period: "7d" | "30d" | "90d") {
  const rest = await restMetric(page, period);
  await expect(page.getByTestId("metric-claimed")).toHaveText(formatCount(rest.n_handoffs_claimed));
  await expect(page.getByTestId("metric-with-action")).toHaveText(formatCount(rest.n_handoffs_with_action));
  await expect(page.getByTestId("metric-median")).toHaveText(formatDuration(rest.median_seconds_to_first_action));
  await expect(page.getByTestId("metric-avg")).toHaveText(formatDuration(rest.avg_seconds_to_first_action));
  await expect(page.getByTestId("metric-p95")).toHaveText(formatDuration(rest.p95_seconds_to_first_action));
}

test.describe("escalation analytics", () => {
  test("the first paint already has the numbers for the linked period", async ({ page }) => {
    await signInAs(page, DEMO.engineer);
    // The server-rendered HTML, before any script runs.
    const html = await (await page.request.get("/analytics/escalations?period=90d")).text();
    const rest = await restMetric(page, "90d");
    expect(html).toContain('data-testid="metric-median"');
    expect(html).toContain(formatDuration(rest.median_seconds_to_first_action));
    expect(html).toContain("manual baseline");
  });

  test("toggling 7d → 90d changes the URL and the numbers without reloading the page", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInAs(page, DEMO.engineer);
    await page.goto("/analytics/escalations?period=7d");
    await expect(page.getByRole("radio", { name: "7d" })).toBeChecked();
    await expectMatchesRest(page, "7d");
    const week = await shownNumbers(page);
    await expect(page.getByTestId("metric-definition")).toContainText("manual baseline");

    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await page.locator("label").filter({ hasText: "90d" }).click();
    await expect(page).toHaveURL(/\/analytics\/escalations\?period=90d$/);
    await expect(page.getByRole("radio", { name: "90d" })).toBeChecked();
    await expectMatchesRest(page, "90d");
    const quarter = await shownNumbers(page);
    expect(quarter.claimed).not.toBe(week.claimed);
    expect(quarter.median).not.toBe(week.median);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

    await page.screenshot({ path: "docs/screenshots/analytics.png" });

    // The URL is shareable: opening it shows the same period.
    await page.reload();
    await expect(page.getByRole("radio", { name: "90d" })).toBeChecked();
    await expectMatchesRest(page, "90d");
  });

  test("the period toggle works from the keyboard alone", async ({ page }) => {
    await signInAs(page, DEMO.engineer);
    await page.goto("/analytics/escalations?period=7d");
    await expectMatchesRest(page, "7d");
    const week = await shownNumbers(page);

    // Tab from the top of the page until focus lands in the radio group.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === "radio")) break;
    }
    await expect(page.getByRole("radio", { name: "7d" })).toBeFocused();

    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("radio", { name: "30d" })).toBeChecked();
    await expect(page).toHaveURL(/period=30d$/);
    await expectMatchesRest(page, "30d");

    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("radio", { name: "90d" })).toBeChecked();
    await expect(page.getByRole("radio", { name: "90d" })).toBeFocused();
    await expect(page).toHaveURL(/period=90d$/);
    await expectMatchesRest(page, "90d");
    expect((await shownNumbers(page)).claimed).not.toBe(week.claimed);

    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(/period=30d$/);
  });

  test("viewers see a note instead of the numbers", async ({ page }) => {
    await signInAs(page, DEMO.viewer);
    await page.goto("/analytics/escalations?period=30d");
    await expect(page.getByTestId("analytics-viewer-note")).toBeVisible();
    await expect(page.getByTestId("metric-median")).toHaveCount(0);
    await expect(page.getByRole("radiogroup")).toHaveCount(0);
    expect((await page.request.get("/api/v1/analytics/flowpilot/escalations?period=30d")).status()).toBe(403);
  });

  test("nothing scrolls sideways at 390 px", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, DEMO.engineer);
    await page.goto("/analytics/escalations?period=90d");
    await expect(page.getByTestId("metric-median")).toBeVisible();
    expect(await scrollsSideways(page, 390)).toBe(false);
  });
});

test("the pages follow the system's dark colour scheme", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAs(page, DEMO.engineer);
  for (const path of ["/analytics/escalations?period=30d", "/queue"]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    const colours = await page.evaluate(() => ({
      canvas: getComputedStyle(document.body).backgroundColor,
      ink: getComputedStyle(document.body).color,
    }));
    expect(colours).toEqual({ canvas: "rgb(15, 17, 21)", ink: "rgb(232, 235, 240)" });
  }
  await page.screenshot({ path: test.info().outputPath("queue-dark.png") });
});
