import type { AccountRole } from "@/generated/prisma/enums";
import { DEFAULT_API_KEY_SCOPES, type ApiKeyScope } from "./scopes";

export type { AccountRole };
export const ACCOUNT_ROLES = ["owner", "admin", "engineer", "viewer"] as const satisfies readonly AccountRole[];

/** The identity every procedure sees, from a browser session or an API key. What it may do: policy.ts. */
export type Caller = {
  userId: string;
  accountId: string;
  role: AccountRole;
  email: string;
  name: string;
  /** set when the request was authenticated with an API key */
  apiKeyId?: string;
  /** the key's scopes; set with `apiKeyId` */
  scopes?: readonly ApiKeyScope[];
};

/** The columns of a `users` row that make a Caller. */
export type CallerUser = { id: string; accountId: string; accountRole: AccountRole; email: string; name: string };

/**
 * The one place a user row becomes a Caller; `apiKeyId` (and the key's
 * scopes, read-only analytics unless given) when the request came with an API key.
 */
export function callerFromUser(
  user: CallerUser,
  apiKeyId?: string,
  scopes: readonly ApiKeyScope[] = DEFAULT_API_KEY_SCOPES,
): Caller {
  return {
    userId: user.id, accountId: user.accountId, role: user.accountRole, email: user.email, name: user.name,
    ...(apiKeyId ? { apiKeyId, scopes } : {}),
  };
}
