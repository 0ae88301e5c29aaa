import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

/**
 * Playwright's `test`, watching every page a test opens for
 * Content-Security-Policy violations: the browser's `securitypolicyviolation`
 * events and its CSP console errors. A test that saw any fails, so the whole
 * suite shows that the policy breaks nothing it exercises.
 *
 * Tests that need a second person at the same time open their page with
 * `newPersonPage()` (a browser context of its own, watched the same way),
 * never `browser.newPage()`, which nothing would watch.
 */
export const test = base.extend<{ cspViolations: string[]; newPersonPage: () => Promise<Page> }>({
  cspViolations: [
    async ({ context }, use) => {
      const seen: string[] = [];
      await watchForCspViolations(context, seen);
      await use(seen);
      expect(seen, "the browser reported Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
  newPersonPage: async ({ browser, cspViolations }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async () => {
      const context = await browser.newContext();
      contexts.push(context);
      await watchForCspViolations(context, cspViolations);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

async function watchForCspViolations(context: BrowserContext, seen: string[]) {
  await context.exposeBinding("__reportCspViolation", (_source, text: string) => {
    seen.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  context.on("console", (message) => {
    if (/content[ -]security[ -]policy/i.test(message.text())) seen.push(message.text());
  });
}

export { expect };
