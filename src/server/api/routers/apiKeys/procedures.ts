/**
 * Who may manage which API keys.
 *
 * - viewers: none (403 from the role check);
 * - engineers: their own keys;
 * - owners and admins: every key of their account.
 * Handlers filter by `ctx.keyScope` and never decide this themselves. Key
 * management needs a signed-in session: a key that could mint keys would
 * outlive its own revocation.
 */
import { TRPCError } from "@trpc/server";
import { roleProcedure } from "@/server/api/trpc";
import { hasRole, ADMIN_OR_ABOVE, ENGINEER_OR_ABOVE, type Caller } from "@/server/auth/roles";

export type KeyScope = { accountId: string; userId?: string };

export function keyScopeFor(caller: Caller): KeyScope {
  const manageAll = hasRole(caller.role, ADMIN_OR_ABOVE);
  return manageAll ? { accountId: caller.accountId } : { accountId: caller.accountId, userId: caller.userId };
}

export const keyManagerProcedure = roleProcedure(ENGINEER_OR_ABOVE).use(({ ctx, next }) => {
  if (ctx.caller.apiKeyId) {
    throw new TRPCError({ code: "FORBIDDEN", message: "API keys are managed from a signed-in session, not with an API key." });
  }
  return next({ ctx: { keyScope: keyScopeFor(ctx.caller) } });
});
