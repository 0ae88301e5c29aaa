import { expect, type Page } from "@playwright/test";
import type { TEscalationsResponse } from "../../src/server/api/routers/analytics/escalations.types";

/** The metric as an outside client sees it, with the page's session cookie. */
export async function restMetric(page: Page, period: "7d" | "30d" | "90d"): Promise<TEscalationsResponse> {
  const res = await page.request.get(`/api/v1/analytics/flowpilot/escalations?period=${period}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as TEscalationsResponse;
}

const count = (text: string | null) => Number((text ?? "").replaceAll(",", ""));

/** The numbers on the queue's stat-card, once it has data. */
export async function cardNumbers(page: Page) {
  const card = page.getByTestId("stat-card");
  await expect(card).toHaveAttribute("data-state", "ready");
  return {
    claimed: count(await card.getByTestId("stat-claimed").textContent()),
    withAction: count(await card.getByTestId("stat-with-action").textContent()),
    median: await card.getByTestId("stat-median").textContent(),
    medianSeconds: await card.getByTestId("stat-median").getAttribute("data-seconds"),
    p95: await card.getByTestId("stat-p95").textContent(),
    p95Seconds: await card.getByTestId("stat-p95").getAttribute("data-seconds"),
  };
}

/** Whether anything on the page is wider than the viewport. */
export async function scrollsSideways(page: Page, width: number) {
  return page.evaluate((w) => document.documentElement.scrollWidth > w, width);
}
