/**
 * Two projects, run by kind:
 *   unit         — *.test.ts(x): pure logic and React components (happy-dom)
 *   integration  — *.integration-test.ts: a real PostgreSQL, in a fresh
 *                  database created for the run and dropped after it
 *   integration-pgbouncer — the REST and tRPC suites again, with the app and
 *                  the tests reaching that database through PgBouncer in
 *                  transaction pooling mode (tests/support/pgbouncer.ts)
 * Playwright's e2e/ suite is separate (npm run test:e2e).
 */
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import path from "node:path";

const alias = { "@": path.resolve(import.meta.dirname, "src") };

const integration = {
  environment: "node" as const,
  globalSetup: ["tests/support/global-setup.ts"],
  setupFiles: ["tests/support/integration-setup.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

/** The suites that call the app as its clients do, over REST and tRPC. */
const REST_AND_TRPC_SUITES = [
  "tests/integration/analytics/escalations.rest.integration-test.ts",
  "tests/integration/analytics/report.rest.integration-test.ts",
  "tests/integration/auth/transports.integration-test.ts",
  "tests/integration/auth/rest-api-keys.integration-test.ts",
  "tests/integration/auth/api-keys-router.integration-test.ts",
  "tests/integration/savings/baseline-rest.integration-test.ts",
  "tests/integration/savings/baseline-trpc.integration-test.ts",
  "tests/integration/queue/queue.integration-test.ts",
];

export default defineConfig({
  plugins: [react()],
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          environment: "happy-dom",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.integration-test.ts"],
          ...integration,
        },
      },
      {
        extends: true,
        test: {
          name: "integration-pgbouncer",
          include: REST_AND_TRPC_SUITES,
          env: { DATABASE_VIA_PGBOUNCER: "1" },
          ...integration,
        },
      },
    ],
  },
});
