import { createCallerFactory, createTRPCRouter } from "./trpc";
import { analyticsRouter } from "./routers/analytics/router";

export const appRouter = createTRPCRouter({
  analytics: analyticsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
