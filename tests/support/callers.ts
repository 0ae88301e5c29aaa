import type { Db } from "@/server/db/client";
import { callerFromUser, type CallerUser } from "@/server/auth/roles";
import { createContextInner } from "@/server/api/trpc";
import { createCaller } from "@/server/api/root";

/** A tRPC caller acting as an existing user (optionally through one of their API keys). */
export function callerFor(db: Db, user: CallerUser, apiKeyId?: string) {
  return createCaller(createContextInner({ db, caller: callerFromUser(user, apiKeyId) }));
}
