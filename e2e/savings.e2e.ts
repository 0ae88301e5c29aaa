import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { DEMO, signInAs } from "./support/session";
import { untilHydrated } from "./support/hydration";
import { scrollsSideways } from "./support/escalations";
import { verdictSentence } from "../src/components/savings/verdict-sentence";
import { formatDuration } from "../src/lib/format";
import type { TSavingsOutput } from "../src/server/api/routers/savings/summary.types";

const HEADER = "measured_at,seconds,engineer_name,note";

async function restSavings(page: Page, period = "30d"): Promise<TSavingsOutput> {
  const res = await page.request.get(`/api/v1/analytics/flowpilot/savings?period=${period}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as TSavingsOutput;
}

async function timingsTotal(page: Page): Promise<number> {
  const res = await page.request.get("/api/v1/analytics/flowpilot/baseline?limit=1");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { n_total: number }).n_total;
}

test.describe("savings", () => {
  test("the demo account shows a verdict from both sides, as the API computes it", async ({ page }) => {
    await signInAs(page, DEMO.engineer);
    await page.goto("/analytics/savings?period=30d");
    const rest = await restSavings(page, "30d");
    expect(rest.baseline.n).toBeGreaterThanOrEqual(40);
    await expect(page.getByTestId("savings-verdict")).toHaveText(verdictSentence(rest));
    await expect(page.getByTestId("baseline-median")).toHaveText(formatDuration(rest.baseline.median_seconds));
    await expect(page.getByTestId("in-product-median")).toHaveText(formatDuration(rest.in_product.median_seconds));
    await expect(page.getByTestId("distribution-chart").locator(".recharts-scatter-symbol").first()).toBeVisible();
    if (rest.ci95) await expect(page.getByTestId("difference-interval")).toBeVisible();
  });

  test("stopwatch: Space starts, a reload keeps it running, Enter stops and saves one timing", async ({ page }) => {
    await signInAs(page, DEMO.engineer);
    await page.goto("/analytics/savings");
    const before = await timingsTotal(page);
    const stopwatch = page.getByTestId("stopwatch");
    // Hydration can be slow on a busy machine; the face says when it has read storage.
    await expect(stopwatch).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
    await page.getByLabel("Engineer (optional)").fill("Stopwatch E2E");

    const toggle = page.getByTestId("stopwatch-toggle");
    await toggle.focus();
    await page.keyboard.press("Space");
    await expect(page.getByTestId("stopwatch")).toHaveAttribute("data-phase", "running");
    await expect(toggle).toHaveText("Stop");
    await expect(page.getByTestId("stopwatch-elapsed")).not.toHaveText("00:00.0");

    await page.reload();
    await expect(stopwatch).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
    await expect(stopwatch).toHaveAttribute("data-phase", "running");
    await expect(page.getByTestId("stopwatch-message")).toContainText("Resumed the stopwatch");
    await expect(page.getByLabel("Engineer (optional)")).toHaveValue("Stopwatch E2E");
    // The elapsed time counts from the original start, not from the reload.
    await expect.poll(async () => (await page.getByTestId("stopwatch-elapsed").textContent()) ?? "").toMatch(/^00:0[1-9]|^00:[1-5]\d|^0[1-9]:/);

    await page.getByTestId("stopwatch-toggle").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("stopwatch-message")).toContainText("Saved a timing");
    await expect(page.getByTestId("stopwatch")).toHaveAttribute("data-phase", "idle");
    expect(await timingsTotal(page)).toBe(before + 1);
    expect(await page.evaluate(() => window.localStorage.getItem("flowpilot.savings.stopwatch"))).toBeNull();
    await expect(page.getByTestId("timing-row").filter({ hasText: "Stopwatch E2E" })).toHaveCount(1);
  });

  test("CSV import: a bad line shows its number and imports nothing; a good file imports", async ({ page }) => {
    await signInAs(page, DEMO.admin);
    await page.goto("/analytics/savings");
    const before = await timingsTotal(page);
    const file = (name: string, lines: string[]) => ({ name, mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });

    await untilHydrated(page.getByTestId("import-file"));
    await page.getByTestId("import-file").setInputFiles(
      file("bad.csv", [HEADER, "2026-11-20T09:14:03Z,30,Erin,", "2026-11-20T09:20:00Z,-4,Erin,", "2026-11-20T09:30:00Z,60.5,,"]),
    );
    await expect(page.getByTestId("import-errors")).toContainText("Line 3:");
    await expect(page.getByTestId("import-error")).toHaveCount(1);
    await expect(page.getByTestId("import-submit")).toHaveCount(0);
    expect(await timingsTotal(page)).toBe(before);

    await page.getByTestId("import-file").setInputFiles(file("good.csv", [HEADER, "2026-11-20T09:14:03Z,30,Erin,", "2026-11-20T09:30:00Z,60.5,,"]));
    await expect(page.getByTestId("import-preview")).toContainText("2 timings ready to import");
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("import-status")).toHaveText("Imported 2 timings from good.csv.");
    expect(await timingsTotal(page)).toBe(before + 2);
  });

  test("works at 390 px in the dark theme; viewers see a note", async ({ page, newPersonPage }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: "dark" });
    await signInAs(page, DEMO.engineer);
    await page.goto("/analytics/savings");
    await expect(page.getByTestId("savings-verdict")).toBeVisible();
    await expect(page.getByTestId("distribution-chart")).toBeVisible();
    expect(await scrollsSideways(page, 390)).toBe(false);

    const viewer = await newPersonPage();
    await signInAs(viewer, DEMO.viewer);
    await viewer.goto("/analytics/savings");
    await expect(viewer.getByTestId("savings-viewer-note")).toBeVisible();
  });

  test("the pilot report prints to a PDF with the verdict and both medians", async ({ page }) => {
    await signInAs(page, DEMO.engineer);
    await page.goto("/analytics/savings/report?period=90d");
    const rest = await restSavings(page, "90d");
    await expect(page.getByTestId("report-verdict")).toHaveText(verdictSentence(rest));
    await expect(page.getByRole("navigation")).toHaveCount(0); // no app chrome
    await expect(page.getByTestId("distribution-chart").locator(".recharts-scatter-symbol").first()).toBeVisible();

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
    const dir = mkdtempSync(path.join(os.tmpdir(), "flowpilot-report-"));
    const pdf = path.join(dir, "report.pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true });

    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain(verdictSentence(rest).replace(/\s+/g, " "));
    expect(text).toContain("Manual baseline");
    expect(text).toContain(formatDuration(rest.baseline.median_seconds));
    expect(text).toContain(formatDuration(rest.in_product.median_seconds));
    expect(text).toContain("manual baseline");
    // The README's picture of page 1 comes from screenshots.e2e.ts, on data that does not change between runs.
  });
});
