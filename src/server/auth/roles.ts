import type { AccountRole } from "@/generated/prisma/enums";

export type { AccountRole };
export const ACCOUNT_ROLES = ["owner", "admin", "engineer", "viewer"] as const satisfies readonly AccountRole[];

/** Who may read the escalations metric and work the queue. */
export const ENGINEER_OR_ABOVE = ["owner", "admin", "engineer"] as const satisfies readonly AccountRole[];
/** Who may manage every API key of the account. */
export const ADMIN_OR_ABOVE = ["owner", "admin"] as const satisfies readonly AccountRole[];

/** The identity every procedure sees, from a browser session or an API key. */
export type Caller = {
  userId: string;
  accountId: string;
  role: AccountRole;
  email: string;
  name: string;
  /** set when the request was authenticated with an API key */
  apiKeyId?: string;
};

/** The columns of a `users` row that make a Caller. */
export type CallerUser = { id: string; accountId: string; accountRole: AccountRole; email: string; name: string };

/** The one place a user row becomes a Caller; `apiKeyId` when the request came with an API key. */
export function callerFromUser(user: CallerUser, apiKeyId?: string): Caller {
  return {
    userId: user.id, accountId: user.accountId, role: user.accountRole, email: user.email, name: user.name,
    ...(apiKeyId ? { apiKeyId } : {}),
  };
}

/** Whether `role` is one of `allowed` (the role lists above are readonly tuples). */
export function hasRole(role: AccountRole, allowed: readonly AccountRole[]): boolean {
  return allowed.includes(role);
}
