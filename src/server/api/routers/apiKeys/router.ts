import { createTRPCRouter } from "@/server/api/trpc";
import { keyManagerProcedure } from "./procedures";
import { ZCreateApiKeyInput, ZCreateApiKeyOutput } from "./create.schema";
import { createApiKeyHandler } from "./create.handler";
import { ZListApiKeysOutput } from "./list.schema";
import { listApiKeys } from "./list.handler";
import { ZRevokeApiKeyInput, ZRevokeApiKeyOutput } from "./revoke.schema";
import { revokeApiKeyHandler } from "./revoke.handler";

// API key management for pilots: create (shown once), list, revoke.
export const apiKeysRouter = createTRPCRouter({
  list: keyManagerProcedure.output(ZListApiKeysOutput).query(({ ctx }) => listApiKeys(ctx.db, ctx.keyScope)),
  create: keyManagerProcedure
    .input(ZCreateApiKeyInput)
    .output(ZCreateApiKeyOutput)
    .mutation(({ ctx, input }) => createApiKeyHandler(ctx.db, ctx.caller, input)),
  revoke: keyManagerProcedure
    .input(ZRevokeApiKeyInput)
    .output(ZRevokeApiKeyOutput)
    .mutation(({ ctx, input }) => revokeApiKeyHandler(ctx.db, ctx.keyScope, input)),
});
