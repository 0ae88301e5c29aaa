import { test as base, expect } from "@playwright/test";

/**
 * Playwright's `test`, watching every page of the test's browser context for
 * Content-Security-Policy violations: the browser's `securitypolicyviolation`
 * events and its CSP console errors. A test that saw any fails, so the whole
 * suite shows that the policy breaks nothing it exercises.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const seen: string[] = [];
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
      await use(seen);
      expect(seen, "the browser reported Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
