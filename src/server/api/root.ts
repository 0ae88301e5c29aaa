// Merges the domain routers; nothing else lives here.
import { createCallerFactory, createTRPCRouter } from "./trpc";
import { analyticsRouter } from "./routers/analytics/router";
import { apiKeysRouter } from "./routers/apiKeys/router";
import { queueRouter } from "./routers/queue/router";
import { savingsRouter } from "./routers/savings/router";

export const appRouter = createTRPCRouter({
  analytics: analyticsRouter,
  queue: queueRouter,
  apiKeys: apiKeysRouter,
  savings: savingsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
