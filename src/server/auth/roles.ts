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

/** Whether `role` is one of `allowed` (the role lists above are readonly tuples). */
export function hasRole(role: AccountRole, allowed: readonly AccountRole[]): boolean {
  return allowed.includes(role);
}
