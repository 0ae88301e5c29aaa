import { createTRPCRouter } from "@/server/api/trpc";

// The escalation queue: open handoffs, claiming, recent claims, session notes.
export const queueRouter = createTRPCRouter({});
