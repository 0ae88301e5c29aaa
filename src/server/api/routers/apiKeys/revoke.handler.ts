import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import { revokeApiKey } from "@/server/auth/api-key-store";
import type { KeyScope } from "./procedures";
import type { TRevokeApiKeyInput, TRevokeApiKeyOutput } from "./revoke.schema";

export async function revokeApiKeyHandler(db: Db, scope: KeyScope, input: TRevokeApiKeyInput): Promise<TRevokeApiKeyOutput> {
  const key = await revokeApiKey(db, input.id, scope);
  // Keys outside the scope look the same as keys that do not exist.
  if (!key) throw new TRPCError({ code: "NOT_FOUND", message: "No such API key among the keys you manage." });
  return { id: key.id, revokedAt: key.revokedAt.toISOString() };
}
