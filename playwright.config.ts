/**
 * End-to-end tests in Debian's Chromium against a production build.
 *
 * Run through `npm run test:e2e` (scripts/test-e2e.ts), which creates and
 * seeds a fresh database, builds the app, and passes E2E_DATABASE_URL and
 * E2E_PORT here. Playwright's own browser download is never used.
 */
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.e2e.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: `npx --no-install next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-secret-only-for-the-test-run-0123456789",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // Keeps the per-key rate limit small enough to exercise in a test.
      API_KEY_RATE_LIMIT_PER_MINUTE: process.env.API_KEY_RATE_LIMIT_PER_MINUTE ?? "30",
    },
  },
});
