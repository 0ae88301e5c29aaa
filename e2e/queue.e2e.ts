import { expect, test } from "./support/test";
import { DEMO, signInAs } from "./support/session";
import { cardNumbers, restMetric, scrollsSideways } from "./support/escalations";
import { describeChange, formatDayLabel, formatDuration } from "../src/lib/format";
import type { TEscalationsResponse } from "../src/server/api/routers/analytics/escalations.types";
import type { TSeriesOutput } from "../src/server/api/routers/analytics/series.types";

test.describe("the escalation queue", () => {
  test("the stat-card shows the same 30-day numbers as the REST endpoint", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInAs(page, DEMO.engineer);
    await page.goto("/queue");
    await expect(page.getByRole("heading", { name: "Escalation queue" })).toBeVisible();
    const numbers = await cardNumbers(page);
    const rest = await restMetric(page, "30d");
    const card = page.getByTestId("stat-card");

    expect(rest.n_handoffs_claimed).toBeGreaterThan(0);
    expect(numbers.claimed).toBe(rest.n_handoffs_claimed);
    expect(numbers.withAction).toBe(rest.n_handoffs_with_action);
    expect(numbers.median).toBe(formatDuration(rest.median_seconds_to_first_action));
    expect(numbers.medianSeconds).toBe(String(rest.median_seconds_to_first_action));
    expect(numbers.p95).toBe(formatDuration(rest.p95_seconds_to_first_action));
    expect(numbers.p95Seconds).toBe(String(rest.p95_seconds_to_first_action));

    await expect(page.getByTestId("open-handoff").first()).toBeVisible();

    // The change against the previous 30 days, from the same endpoint's compare=previous.
    const compared = await page.request.get("/api/v1/analytics/flowpilot/escalations?period=30d&compare=previous");
    const previous = ((await compared.json()) as TEscalationsResponse).previous!;
    const change = describeChange(rest.median_seconds_to_first_action, previous.median_seconds_to_first_action);
    await expect(card.getByTestId("stat-change")).toHaveAttribute("data-change", change.kind);
    if (change.kind === "better" || change.kind === "worse") await expect(card.getByTestId("stat-change")).toContainText(change.percent);
    // The sparkline: the series' last 14 daily medians, drawn once its chart has loaded.
    const series = await page.request.get("/api/v1/analytics/flowpilot/escalations/series?period=30d&bucket=day");
    const days = ((await series.json()) as TSeriesOutput).buckets.slice(-14);
    const spark = card.getByTestId("stat-sparkline");
    await expect(spark).toHaveAttribute("aria-label", new RegExp(`^Daily median, last 14 days: ${formatDayLabel(days[0]!.label)} `));
    await expect(spark.locator(".recharts-line-curve")).toBeVisible();

    // The definition is one keyboard press away.
    const info = page.getByRole("button", { name: "What this measures" });
    await info.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("stat-definition")).toHaveText(rest.metric_definition);
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("stat-definition")).toBeHidden();
  });

  test("claiming a handoff and adding a note moves the card's counts", async ({ page }) => {
    await signInAs(page, DEMO.engineer);
    await page.goto("/queue");
    const before = await cardNumbers(page);
    const openBefore = Number(await page.getByTestId("open-count").textContent());

    const row = page.getByTestId("open-handoff").first();
    const intent = (await row.getByTestId("handoff-intent").textContent())!;
    await row.getByRole("button", { name: /^Claim/ }).click();
    await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("session-handoff").filter({ hasText: "Claimed by you" })).toContainText(intent);

    const note = `Checked the tunnel logs ${Date.now()}`;
    await page.getByLabel("Add a note").fill(note);
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByTestId("timeline-step").last()).toContainText(note);
    await expect(page.getByTestId("session-handoff").filter({ hasText: "Claimed by you" })).toContainText("first action after");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Queue" }).click();
    await expect(page.getByTestId("stat-claimed")).toHaveText(String(before.claimed + 1));
    await expect(page.getByTestId("stat-with-action")).toHaveText(String(before.withAction + 1));
    await expect(page.getByTestId("open-count")).toHaveText(String(openBefore - 1));
    await expect(page.getByTestId("recent-claim").first()).toContainText("You");

    const after = await cardNumbers(page);
    const rest = await restMetric(page, "30d");
    expect(after.claimed).toBe(rest.n_handoffs_claimed);
    expect(after.withAction).toBe(rest.n_handoffs_with_action);
    expect(after.median).toBe(formatDuration(rest.median_seconds_to_first_action));
  });

  test("when two people claim the same handoff, the second is told who has it", async ({ newPersonPage }) => {
    const erin = await newPersonPage();
    const adam = await newPersonPage();
    await signInAs(erin, DEMO.engineer);
    await signInAs(adam, DEMO.admin);
    await erin.goto("/queue");
    await adam.goto("/queue");
    const id = await erin.getByTestId("open-handoff").first().getAttribute("data-handoff-id");
    const adamRow = adam.locator(`[data-handoff-id="${id}"]`);
    await expect(adamRow).toBeVisible();

    await erin.locator(`[data-handoff-id="${id}"]`).getByRole("button", { name: /^Claim/ }).click();
    await expect(erin).toHaveURL(/\/sessions\//);

    await adamRow.getByRole("button", { name: /^Claim/ }).click();
    await expect(adam.getByTestId("claim-conflict")).toContainText("Already claimed by Erin Engineer");
    await expect(adam.locator(`[data-handoff-id="${id}"]`)).toHaveCount(0);
    await expect(adam).toHaveURL(/\/queue$/);
  });

  test("viewers follow the queue but see a note instead of numbers, and no claim buttons", async ({ page }) => {
    await signInAs(page, DEMO.viewer);
    await page.goto("/queue");
    await expect(page.getByTestId("open-handoff").first()).toBeVisible();
    await expect(page.getByTestId("stat-card")).toHaveAttribute("data-state", "forbidden");
    await expect(page.getByTestId("stat-viewer-note")).toBeVisible();
    await expect(page.getByTestId("stat-median")).toHaveCount(0);
    await expect(page.getByTestId("stat-counts")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Claim/ })).toHaveCount(0);
    await expect(page.getByTestId("queue-viewer-note")).toBeVisible();
    // The nav offers only what a viewer can use.
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(["Queue", "Settings", "API docs"]);

    // A claimed session opens for reading, without the note form.
    await page.getByTestId("recent-claim").first().getByRole("link").click();
    await expect(page.getByTestId("timeline")).toBeVisible();
    await expect(page.getByTestId("note-not-allowed")).toBeVisible();
    await expect(page.getByLabel("Add a note")).toHaveCount(0);
  });

  test("nothing scrolls sideways at 390 px", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, DEMO.engineer);
    await page.goto("/queue");
    await cardNumbers(page);
    await expect(page.getByTestId("open-handoff").first()).toBeVisible();
    expect(await scrollsSideways(page, 390)).toBe(false);

    await page.getByRole("button", { name: "What this measures" }).click();
    await expect(page.getByTestId("stat-definition")).toBeVisible();
    expect(await scrollsSideways(page, 390)).toBe(false);

    await page.getByTestId("recent-claim").first().getByRole("link").click();
    await expect(page.getByTestId("timeline")).toBeVisible();
    expect(await scrollsSideways(page, 390)).toBe(false);
  });
});
