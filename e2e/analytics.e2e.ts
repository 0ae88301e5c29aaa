import type { Page } from "@playwright/test";
import Papa from "papaparse";
import { readFileSync } from "node:fs";
import { expect, test } from "./support/test";
import { DEMO, signInAs } from "./support/session";
import { untilHydrated } from "./support/hydration";
import { restMetric, scrollsSideways } from "./support/escalations";
import { formatCount, formatDuration } from "../src/lib/format";
import type { TEscalationsResponse } from "../src/server/api/routers/analytics/escalations.types";
import type { TBreakdownOutput } from "../src/server/api/routers/analytics/breakdown.types";
import type { TDistributionOutput } from "../src/server/api/routers/analytics/distribution.types";
import type { TSeriesOutput } from "../src/server/api/routers/analytics/series.types";

const REPORT = "/api/v1/analytics/flowpilot/escalations";

/** A report endpoint as an outside client sees it, with the page's session cookie. */
async function rest<T>(page: Page, path: string, query: Record<string, string>): Promise<T> {
  const res = await page.request.get(`${REPORT}${path}?${new URLSearchParams(query).toString()}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

/** Settled: no panel is loading or refreshing. */
async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

async function shownNumbers(page: Page) {
  await settled(page);
  return {
    claimed: await page.getByTestId("metric-claimed").textContent(),
    median: await page.getByTestId("metric-median").textContent(),
  };
}

async function expectHeadline(page: Page, rest: Pick<TEscalationsResponse, "n_handoffs_claimed" | "n_handoffs_with_action" | "median_seconds_to_first_action" | "avg_seconds_to_first_action" | "p95_seconds_to_first_action">) {
  await expect(page.getByTestId("metric-claimed")).toHaveText(formatCount(rest.n_handoffs_claimed));
  await expect(page.getByTestId("metric-with-action")).toHaveText(formatCount(rest.n_handoffs_with_action));
  await expect(page.getByTestId("metric-median")).toHaveText(formatDuration(rest.median_seconds_to_first_action));
  await expect(page.getByTestId("metric-avg")).toHaveText(formatDuration(rest.avg_seconds_to_first_action));
  await expect(page.getByTestId("metric-p95")).toHaveText(formatDuration(rest.p95_seconds_to_first_action));
}

/** The drill-down's rows, all `total` of them, pressing "Load more" as often as it takes. */
async function allDrillRows(page: Page, total: number): Promise<string[]> {
  const panel = page.getByTestId("drill-panel");
  const count = panel.getByTestId("drill-count");
  await expect(count).toContainText(`of ${formatCount(total)} handoffs`);
  const more = panel.getByRole("button", { name: "Load more" });
  await expect
    .poll(async () => {
      if ((await count.textContent())?.startsWith(`Showing ${formatCount(total)} of`)) return true;
      // A reopened link may already be loading its pages (the button then says "Loading…"), and the
      // button may go between the check and the click: neither may block the poll.
      const ready = await more.evaluateAll((els) => els.some((e) => !(e as HTMLButtonElement).disabled));
      if (ready) await more.click({ timeout: 2_000 }).catch(() => undefined);
      return false;
    }, { timeout: 30_000 })
    .toBe(true);
  const rows = await panel.getByTestId("drill-row").evaluateAll((els) => els.map((r) => r.getAttribute("data-handoff-id") ?? ""));
  expect(rows).toHaveLength(total);
  return rows;
}

/** From an open drill-down to the first handoff's session page. */
async function openFirstSession(page: Page) {
  const link = page.getByTestId("drill-panel").getByTestId("drill-session-link").first();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/sessions\/[0-9a-f-]{36}$/);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByTestId("timeline")).toBeVisible();
}

/** A UTC date n days before today, YYYY-MM-DD (the demo account's zone is UTC). */
function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

test.describe("escalation analytics", () => {
  test("the first paint already has the numbers for the linked period", async ({ page }) => {
    await signInAs(page, DEMO.engineer);
    // The server-rendered HTML, before any script runs.
    const html = await (await page.request.get("/analytics/escalations?period=90d")).text();
    const metric = await rest<TEscalationsResponse>(page, "", { period: "90d", compare: "previous" });
    expect(html).toContain('data-testid="metric-median"');
    expect(html).toContain(formatDuration(metric.median_seconds_to_first_action));
    expect(html).toContain(`data-testid="change-median"`);
    expect(html).toContain("manual baseline");
  });

  test("toggling 7d → 90d changes the URL and the numbers without reloading the page", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInAs(page, DEMO.engineer);
    await page.goto("/analytics/escalations?period=7d");
    await expect(page.getByRole("radio", { name: "7d" })).toBeChecked();
    await expectHeadline(page, await restMetric(page, "7d"));
    const week = await shownNumbers(page);

    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await page.locator("label").filter({ hasText: "90d" }).click();
    await expect(page).toHaveURL(/\/analytics\/escalations\?period=90d$/);
    await expect(page.getByRole("radio", { name: "90d" })).toBeChecked();
    // 90 days are drawn by week.
    await expect(page.getByRole("radio", { name: "Week" })).toBeChecked();
    await expectHeadline(page, await restMetric(page, "90d"));
    const quarter = await shownNumbers(page);
    expect(quarter.claimed).not.toBe(week.claimed);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

    const previous = await rest<TEscalationsResponse>(page, "", { period: "90d", compare: "previous" });
    await expect(page.getByTestId("metric-window")).toContainText("compared with");
    if (previous.previous?.median_seconds_to_first_action) {
      await expect(page.getByTestId("change-median")).toContainText(formatDuration(previous.previous.median_seconds_to_first_action));
    }
    await expect(page.getByTestId("trend-chart").locator(".recharts-surface").first()).toBeVisible();
    await settled(page);
    // The README's picture of this page is screenshots.e2e.ts's (its own account, the same pixels every run).
    await page.screenshot({ path: test.info().outputPath("analytics.png") });

    // The URL is shareable: opening it shows the same period.
    await page.reload();
    await expect(page.getByRole("radio", { name: "90d" })).toBeChecked();
    await expectHeadline(page, await restMetric(page, "90d"));
  });

  test("a custom range of days is read in the account's time zone, kept in the URL, and checked inline", async ({ page }) => {
    await signInAs(page, DEMO.engineer);
    await page.goto("/analytics/escalations?period=30d");
    const custom = page.locator("label").filter({ hasText: "Custom" });
    await untilHydrated(custom);
    await custom.click();

    // An inverted range is refused next to the inputs and changes nothing.
    await page.getByLabel("First day").fill(daysAgo(5));
    await page.getByLabel("Last day").fill(daysAgo(20));
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByTestId("range-error")).toHaveText("The first day must not be after the last day.");
    await expect(page).toHaveURL(/period=30d$/);

    const from = daysAgo(40);
    const to = daysAgo(3);
    await page.getByLabel("First day").fill(from);
    await page.getByLabel("Last day").fill(to);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`\\?from=${from}&to=${to}$`));
    await expect(page.getByTestId("range-error")).toHaveCount(0);
    // Whole days in UTC, the last one included: the same numbers as the REST API's window.
    const window = { from: `${from}T00:00:00Z`, to: `${nextDay(to)}T00:00:00Z` };
    const metric = await rest<TEscalationsResponse>(page, "", window);
    await expectHeadline(page, metric);
    await expect(page.getByTestId("metric-window")).toContainText(new Date(window.from).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }));
    // 38 days are drawn by week.
    await expect(page.getByRole("radio", { name: "Week" })).toBeChecked();

    // The copied URL reopens the same range.
    await page.goto(page.url());
    await expect(page.getByRole("radio", { name: "Custom" })).toBeChecked();
    await expect(page.getByLabel("First day")).toHaveValue(from);
    await expectHeadline(page, metric);

    // A last day after today is the server's objection, shown inline.
    await page.goto(`/analytics/escalations?from=${from}&to=${daysAgo(-3)}`);
    await expect(page.getByTestId("range-error")).toContainText("the last day may not be later than today");
    await expect(page.getByTestId("analytics-range-invalid")).toBeVisible();
  });

  test("the period toggle works from the keyboard alone", async ({ page }) => {
    await signInAs(page, DEMO.engineer);
    await page.goto("/analytics/escalations?period=7d");
    await expectHeadline(page, await restMetric(page, "7d"));

    // Tab from the top of the page until focus lands in the radio group.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === "radio")) break;
    }
    await expect(page.getByRole("radio", { name: "7d" })).toBeFocused();

    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("radio", { name: "30d" })).toBeChecked();
    await expect(page).toHaveURL(/period=30d$/);
    await expectHeadline(page, await restMetric(page, "30d"));

    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("radio", { name: "90d" })).toBeFocused();
    await expect(page).toHaveURL(/period=90d$/);
    await expectHeadline(page, await restMetric(page, "90d"));

    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(/period=30d$/);
  });

  test("drill-down from a trend bucket, by a click on its bar and by keyboard through the table view, down to a session", async ({ page }) => {
    await signInAs(page, DEMO.engineer);
    await page.goto("/analytics/escalations?period=30d");
    const series = await rest<TSeriesOutput>(page, "/series", { period: "30d" });
    const index = series.buckets.findLastIndex((b, i) => b.n_handoffs_claimed > 0 && i < series.buckets.length - 1);
    const bucket = series.buckets[index]!;

    // With the mouse: the bucket's bar (empty buckets draw none).
    const bars = page.getByTestId("trend-chart").locator(".recharts-bar-rectangle");
    await bars.nth(series.buckets.slice(0, index).filter((b) => b.n_handoffs_claimed > 0).length).click();
    await expect(page.getByTestId("drill-panel").getByTestId("drill-chips")).toContainText(`Day ${bucket.label}`);
    await page.getByTestId("drill-panel").getByRole("button", { name: "Close" }).click();
    await expect(page.getByTestId("drill-panel")).toHaveCount(0);

    // With the keyboard: the table view's bucket buttons.
    const toggle = page.getByTestId("trend-view-toggle");
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(/trend=table/);
    const button = page.getByTestId("trend-table").getByRole("button", { name: new RegExp(`^${bucket.label}:`) });
    await button.focus();
    await page.keyboard.press("Enter");

    const panel = page.getByTestId("drill-panel");
    await expect(panel.getByTestId("drill-chips")).toContainText(`Day ${bucket.label}`);
    await expect(panel.getByRole("heading", { name: "Handoffs behind the numbers" })).toBeFocused();
    await allDrillRows(page, bucket.n_handoffs_claimed);
    await expect(page).toHaveURL(new RegExp(`d_bucket=${bucket.label}`));
    await openFirstSession(page);

    // Back returns to the page with the drill-down still open.
    await page.goBack();
    await expect(page.getByTestId("drill-panel").getByTestId("drill-chips")).toContainText(`Day ${bucket.label}`);
  });

  test("drill-down from a distribution band (a click on the chart), then its CSV holds exactly the listed rows", async ({ page }) => {
    await signInAs(page, DEMO.engineer);
    await page.goto("/analytics/escalations?period=90d");
    const distribution = await rest<TDistributionOutput>(page, "/distribution", { period: "90d" });
    const band = distribution.bands[1]!;
    expect(band.count).toBeGreaterThan(0);

    const bars = page.getByTestId("distribution-chart").locator(".recharts-bar-rectangle");
    await expect(bars).toHaveCount(distribution.bands.filter((b) => b.count > 0).length);
    await bars.nth(distribution.bands.slice(0, 1).filter((b) => b.count > 0).length).click();
    const panel = page.getByTestId("drill-panel");
    await expect(panel.getByTestId("drill-chips")).toContainText(`Time to action ${band.label}`);
    await expect(panel.getByTestId("drill-count")).toContainText(`of ${formatCount(band.count)} handoffs`);
    const rows = await allDrillRows(page, band.count);

    const href = await panel.getByTestId("drill-csv").getAttribute("href");
    expect(href).toBe(`${REPORT}/handoffs.csv?period=90d&min_seconds=${band.min_seconds}&max_seconds=${band.max_seconds}`);
    const [download] = await Promise.all([page.waitForEvent("download"), panel.getByTestId("drill-csv").click()]);
    expect(download.suggestedFilename()).toBe("escalations-90d.csv");
    const csv = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, "utf8"), { header: true, skipEmptyLines: true });
    expect(csv.data.map((r) => r.handoff_id)).toEqual(rows);

    // The reopened URL lists the same rows, Load more included.
    await page.goto(page.url());
    expect(await allDrillRows(page, band.count)).toEqual(rows);

    // Removing the chip lists every claimed handoff of the window.
    await page.getByRole("button", { name: `Remove filter: Time to action ${band.label}` }).click();
    await expect(panel.getByTestId("drill-chips")).toHaveCount(0);
    const metric = await restMetric(page, "90d");
    await expect(panel.getByTestId("drill-count")).toContainText(`of ${formatCount(metric.n_handoffs_claimed)} handoffs`);

    await page.getByTestId("distribution-without-action").click();
    await expect(panel.getByTestId("drill-chips")).toContainText("No action yet");
    await expect(panel.getByTestId("drill-count")).toContainText(`of ${formatCount(distribution.n_handoffs_without_action)} handoffs`);
    await openFirstSession(page);
  });

  test("drill-down from a breakdown row down to a session; sorting is kept in the URL", async ({ page }) => {
    await signInAs(page, DEMO.engineer);
    await page.goto("/analytics/escalations?period=30d");
    const breakdown = await rest<TBreakdownOutput>(page, "/breakdown", { period: "30d", by: "engineer" });
    const group = breakdown.groups.find((g) => g.key !== null)!;

    const table = page.getByTestId("breakdown-engineer");
    await table.getByRole("columnheader", { name: /^Median/ }).getByRole("button").click();
    await expect(table.getByRole("columnheader", { name: /^Median/ })).toHaveAttribute("aria-sort", "descending");
    await expect(page).toHaveURL(/sort_engineer=median\.desc/);

    await table.getByRole("button", { name: new RegExp(`^${group.label}: list`) }).click();
    const panel = page.getByTestId("drill-panel");
    await expect(panel.getByTestId("drill-chips")).toContainText(`Engineer: ${group.label}`);
    await allDrillRows(page, group.n_handoffs_claimed);
    await expect(panel.getByTestId("drill-csv")).toHaveAttribute("href", `${REPORT}/handoffs.csv?period=30d&engineer=${group.key}`);

    await page.reload();
    await expect(page.getByTestId("breakdown-engineer").getByRole("columnheader", { name: /^Median/ })).toHaveAttribute("aria-sort", "descending");
    await openFirstSession(page);
  });

  test("with a target: within-target, the target line and the target's band", async ({ page }) => {
    await signInAs(page, DEMO.owner);
    const setTarget = (seconds: number | null) =>
      page.request.post("/api/trpc/account.updateSettings", { data: { first_action_target_seconds: seconds } });
    expect((await setTarget(600)).status()).toBe(200);
    try {
      await page.goto("/analytics/escalations?period=90d");
      const metric = await restMetric(page, "90d");
      await expect(page.getByText("Within 10m target")).toBeVisible();
      await expect(page.getByTestId("metric-within-target-count")).toHaveText(
        `${formatCount(metric.n_within_target!)} of ${formatCount(metric.n_handoffs_with_action)} with action`,
      );
      await expect(page.getByTestId("trend-chart").getByText("Target 10m")).toBeVisible();
      await expect(page.getByTestId("distribution-bands").locator('[data-target-band="true"]')).toContainText("5–15 min");
    } finally {
      await setTarget(null);
    }
  });

  test("viewers see a note instead of the numbers", async ({ page }) => {
    await signInAs(page, DEMO.viewer);
    await page.goto("/analytics/escalations?period=30d");
    await expect(page.getByTestId("analytics-viewer-note")).toBeVisible();
    await expect(page.getByTestId("metric-median")).toHaveCount(0);
    await expect(page.getByRole("radiogroup")).toHaveCount(0);
    await expect(page.getByTestId("trend-panel")).toHaveCount(0);
    expect((await page.request.get(`${REPORT}?period=30d`)).status()).toBe(403);
  });

  test("nothing scrolls sideways at 390 px, with every panel and a drill-down open", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, DEMO.engineer);
    await page.goto("/analytics/escalations?period=90d&drill=1&d_min=60&d_max=300");
    await expect(page.getByTestId("metric-median")).toBeVisible();
    await expect(page.getByTestId("drill-row").first()).toBeVisible();
    await expect(page.getByTestId("trend-chart").locator(".recharts-surface").first()).toBeVisible();
    await settled(page);
    expect(await scrollsSideways(page, 390)).toBe(false);
    await page.getByTestId("trend-view-toggle").click();
    await expect(page.getByTestId("trend-table")).toBeVisible();
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
    if (path.startsWith("/analytics")) {
      await expect(page.getByTestId("trend-panel")).toHaveCSS("background-color", "rgb(23, 26, 33)");
      await expect(page.getByTestId("trend-chart").locator(".recharts-surface").first()).toBeVisible();
      await settled(page);
      await page.screenshot({ path: test.info().outputPath("analytics-dark.png") });
    }
  }
  await page.screenshot({ path: test.info().outputPath("queue-dark.png") });
});
