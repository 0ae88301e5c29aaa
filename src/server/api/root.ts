// Merges the domain routers; nothing else lives here.
import { createCallerFactory, createTRPCRouter } from "./trpc";
import { accountRouter } from "./routers/account/router";
import { analyticsRouter } from "./routers/analytics/router";
import { apiKeysRouter } from "./routers/apiKeys/router";
import { queueRouter } from "./routers/queue/router";
import { savingsRouter } from "./routers/savings/router";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  analytics: analyticsRouter,
  queue: queueRouter,
  apiKeys: apiKeysRouter,
  savings: savingsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
