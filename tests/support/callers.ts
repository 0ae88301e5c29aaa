import type { Db } from "@/server/db/client";
import type { Caller } from "@/server/auth/roles";
import { createContextInner } from "@/server/api/trpc";
import { createCaller } from "@/server/api/root";

/** A tRPC caller acting as an existing user (optionally through one of their API keys). */
export function callerFor(db: Db, user: { id: string; accountId: string; accountRole: Caller["role"]; email: string; name: string }, apiKeyId?: string) {
  const identity: Caller = {
    userId: user.id, accountId: user.accountId, role: user.accountRole, email: user.email, name: user.name, apiKeyId,
  };
  return createCaller(createContextInner({ db, caller: identity }));
}
