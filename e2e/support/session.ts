import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/ops/seed/demo";

/**
 * Signs a page's browser context in through next-auth's own endpoints (CSRF
 * token, then the credentials callback), for tests whose subject is not the
 * sign-in form itself. The session cookie lands in the context.
 */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  if (!res.ok()) throw new Error(`sign-in as ${email} failed: HTTP ${res.status()}`);
  const cookies = await page.context().cookies();
  if (!cookies.some((c) => c.name.endsWith("next-auth.session-token"))) {
    throw new Error(`sign-in as ${email} did not set a session cookie`);
  }
}

export const DEMO = {
  owner: "owner@demo.flowpilot.test",
  admin: "admin@demo.flowpilot.test",
  engineer: "engineer@demo.flowpilot.test",
  viewer: "viewer@demo.flowpilot.test",
} as const;
