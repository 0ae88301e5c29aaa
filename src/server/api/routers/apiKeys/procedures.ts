/**
 * Which API keys the caller manages (policy.ts decides): every key of the
 * account with `manageAllKeys`, else their own with `manageOwnKeys`.
 * Handlers filter by `ctx.keyScope` and never decide this themselves.
 */
import { capabilityProcedure } from "@/server/api/trpc";
import { can } from "@/server/auth/policy";
import type { Caller } from "@/server/auth/roles";

export type KeyScope = { accountId: string; userId?: string };

export function keyScopeFor(caller: Caller): KeyScope {
  return can(caller, "manageAllKeys")
    ? { accountId: caller.accountId }
    : { accountId: caller.accountId, userId: caller.userId };
}

export const keyManagerProcedure = capabilityProcedure("manageOwnKeys").use(({ ctx, next }) =>
  next({ ctx: { keyScope: keyScopeFor(ctx.caller) } }),
);
