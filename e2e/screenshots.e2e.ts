/**
 * The README screenshots, taken in one place from the showcase account
 * (support/showcase.ts), so that a run without UI changes rewrites none of
 * them: writeScreenshotIfChanged only writes when the bytes differ.
 *
 * Text that moves with the clock carries `data-live` in the app (ages such
 * as "5m ago", the report's window timestamps); it is hidden, in a box of
 * fixed width, while a picture is taken.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signInAs } from "./support/session";
import { writeScreenshotIfChanged } from "./support/screenshots";
import { seedShowcase, SHOWCASE } from "./support/showcase";

// Live text is hidden in a box of one width whatever it says ("5m ago", "2h ago"), so that
// neither it nor what follows it on the line moves between runs. The analytics page states its
// window to the minute (its metric-window line, a block of its own); hidden likewise.
const LIVE_TEXT =
  "[data-live] { visibility: hidden !important; display: inline-block !important; width: 4em !important;" +
  " overflow: hidden !important; vertical-align: bottom !important; white-space: nowrap !important; }" +
  ' [data-testid="metric-window"] { visibility: hidden !important; }';
const DIR = "docs/screenshots";

async function settled(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
}

async function shoot(page: Page, name: string) {
  await settled(page);
  const png = await page.screenshot({ style: LIVE_TEXT, animations: "disabled", caret: "hide" });
  writeScreenshotIfChanged(path.join(DIR, name), png);
}

test.describe("README screenshots", () => {
  test.beforeAll(async () => {
    await seedShowcase();
  });

  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInAs(page, SHOWCASE.engineer);
  });

  test("the queue with its stat-card", async ({ page }) => {
    await page.goto("/queue");
    const card = page.getByTestId("stat-card");
    await expect(card).toHaveAttribute("data-state", "ready");
    await expect(card.getByTestId("stat-change")).toBeVisible();
    await expect(card.getByTestId("stat-sparkline").locator(".recharts-line-curve")).toBeVisible();
    await expect(page.getByTestId("open-handoff").first()).toBeVisible();
    await shoot(page, "queue.png");
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`the analytics page, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/analytics/escalations?period=30d");
      await expect(page.getByTestId("metric-median")).toBeVisible();
      // The chart is loaded on demand and drawn once sized: wait for its lines, not its skeleton.
      await expect(page.getByTestId("trend-chart").locator(".recharts-line-curve").first()).toBeVisible();
      await shoot(page, scheme === "light" ? "analytics.png" : "analytics-dark.png");
    });
  }

  test("the pilot report's first page, as printed", async ({ page }) => {
    await page.goto("/analytics/savings/report?period=90d");
    await expect(page.getByTestId("report-verdict")).toBeVisible();
    await expect(page.getByTestId("distribution-chart").locator(".recharts-scatter-symbol").first()).toBeVisible();
    await settled(page);
    await page.addStyleTag({ content: LIVE_TEXT });
    await page.emulateMedia({ media: "print" });
    const dir = mkdtempSync(path.join(os.tmpdir(), "flowpilot-report-"));
    const pdf = path.join(dir, "report.pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(dir, "page1")]);
    writeScreenshotIfChanged(path.join(DIR, "pilot-report.png"), readFileSync(path.join(dir, "page1.png")));
  });
});
