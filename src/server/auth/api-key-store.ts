/**
 * Creating and revoking API keys, shared by the management page (tRPC) and
 * the operator CLI. The token exists only in the value returned by
 * `createApiKey`; the database keeps its hash and a short display prefix.
 */
import type { Db } from "@/server/db/client";
import { generateApiKey } from "./api-keys";
import { API_KEY_SCOPES, DEFAULT_API_KEY_SCOPES, type ApiKeyScope } from "./scopes";

export const API_KEY_NAME_MAX = 80;

export async function createApiKey(
  db: Db,
  owner: { accountId: string; userId: string },
  name: string,
  scopes: readonly ApiKeyScope[] = DEFAULT_API_KEY_SCOPES,
) {
  const { token, hash, displayPrefix } = generateApiKey();
  const key = await db.apiKey.create({
    data: {
      accountId: owner.accountId, userId: owner.userId, name, keyHash: hash, keyPrefix: displayPrefix,
      // Stored in one order and without repeats, so lists compare as sets.
      scopes: API_KEY_SCOPES.filter((s) => scopes.includes(s)),
    },
    select: { id: true, name: true, keyPrefix: true, createdAt: true, scopes: true },
  });
  return { ...key, token };
}

/**
 * Revokes the key with this id among those `where` allows. Idempotent: an
 * already revoked key keeps its first revocation time. Null when no such key.
 */
export async function revokeApiKey(
  db: Db,
  id: string,
  where: { accountId?: string; userId?: string } = {},
): Promise<{ id: string; revokedAt: Date } | null> {
  // The revoked_at IS NULL condition makes concurrent revokes keep the first time.
  await db.apiKey.updateMany({ where: { id, ...where, revokedAt: null }, data: { revokedAt: new Date() } });
  const key = await db.apiKey.findFirst({ where: { id, ...where }, select: { id: true, revokedAt: true } });
  return key?.revokedAt ? { id: key.id, revokedAt: key.revokedAt } : null;
}
