/**
 * axe-core over every page of the app, in the light and the dark theme
 * (the app follows prefers-color-scheme). A page passes with no serious or
 * critical violation; minor and moderate ones are printed, not failed.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { DEMO, signInAs } from "./support/session";

type Scheme = "light" | "dark";

async function seriousViolations(page: Page) {
  // Scan what a person sees: data loaded, charts drawn, nothing still busy.
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const minor = violations.filter((v) => !serious.includes(v));
  if (minor.length) console.log(`${page.url()}: ${minor.map((v) => `${v.id} (${v.impact})`).join(", ")}`);
  return serious.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join(" ")}`),
  }));
}

/** The pages behind sign-in, each reached the way a person would get there. */
const SIGNED_IN_PAGES: { name: string; path: string | ((page: Page) => Promise<string>) }[] = [
  { name: "queue", path: "/queue" },
  {
    name: "session",
    path: async (page) => {
      await page.goto("/queue");
      return (await page.getByTestId("recent-claim").first().getByRole("link").getAttribute("href"))!;
    },
  },
  { name: "analytics escalations", path: "/analytics/escalations?period=30d" },
  { name: "savings", path: "/analytics/savings?period=30d" },
  { name: "savings report", path: "/analytics/savings/report?period=90d" },
  { name: "settings", path: "/settings" },
  { name: "account settings", path: "/settings/account" },
  { name: "API keys", path: "/settings/api-keys" },
  { name: "API docs", path: "/docs/api" },
];

for (const scheme of ["light", "dark"] as const satisfies Scheme[]) {
  test.describe(`accessibility, ${scheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test("sign-in", async ({ page }) => {
      await page.goto("/signin");
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      // The error state too: its message is the one text that only shows after a try.
      await page.getByLabel("Email").fill(DEMO.engineer);
      await page.getByLabel("Password").fill("not-the-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("form").getByRole("alert")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    for (const { name, path } of SIGNED_IN_PAGES) {
      test(name, async ({ page }) => {
        // An admin sees every control the pages offer (forms, delete buttons, key management).
        await signInAs(page, DEMO.admin);
        const url = typeof path === "string" ? path : await path(page);
        await page.goto(url);
        await expect(page.locator("main, body").first()).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test("analytics with the trend as a table and a drill-down open", async ({ page }) => {
      await signInAs(page, DEMO.admin);
      await page.goto("/analytics/escalations?period=30d&trend=table");
      await page.getByTestId("trend-table").getByRole("button").last().click();
      await expect(page.getByTestId("drill-panel").getByTestId("drill-count")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("pages as a viewer sees them", async ({ page }) => {
      await signInAs(page, DEMO.viewer);
      for (const url of ["/queue", "/analytics/escalations?period=30d", "/analytics/savings", "/settings/account"]) {
        await page.goto(url);
        expect(await seriousViolations(page), url).toEqual([]);
      }
    });
  });
}
