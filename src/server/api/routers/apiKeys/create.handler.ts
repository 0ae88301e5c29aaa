import type { Db } from "@/server/db/client";
import type { Caller } from "@/server/auth/roles";
import { createApiKey } from "@/server/auth/api-key-store";
import { isApiKeyScope } from "@/server/auth/scopes";
import type { TCreateApiKeyInput, TCreateApiKeyOutput } from "./create.schema";

/** A key always belongs to the person creating it and acts with their role, within its scopes. */
export async function createApiKeyHandler(db: Db, caller: Caller, input: TCreateApiKeyInput): Promise<TCreateApiKeyOutput> {
  const key = await createApiKey(db, { accountId: caller.accountId, userId: caller.userId }, input.name, input.scopes);
  return { id: key.id, name: key.name, prefix: key.keyPrefix, scopes: key.scopes.filter(isApiKeyScope), createdAt: key.createdAt.toISOString(), token: key.token };
}
