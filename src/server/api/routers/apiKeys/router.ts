import { createTRPCRouter } from "@/server/api/trpc";

// API key management for pilots: create (shown once), list, revoke.
export const apiKeysRouter = createTRPCRouter({});
