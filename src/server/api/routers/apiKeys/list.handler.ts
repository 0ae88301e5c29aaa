import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { isApiKeyScope } from "@/server/auth/scopes";
import type { KeyScope } from "./procedures";
import type { TListApiKeysOutput } from "./list.schema";

// Explicit columns: key_hash never leaves the database.
const summarySelect = {
  id: true,
  name: true,
  keyPrefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  user: { select: { id: true, name: true, email: true } },
} satisfies Prisma.ApiKeySelect;

export async function listApiKeys(db: Db, scope: KeyScope): Promise<TListApiKeysOutput> {
  const rows = await db.apiKey.findMany({
    where: scope,
    select: summarySelect,
    // Active keys first, newest first within each group.
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return {
    scope: scope.userId ? "own" : "account",
    keys: rows.map((k) => ({
      id: k.id,
      name: k.name,
      prefix: k.keyPrefix,
      scopes: k.scopes.filter(isApiKeyScope),
      owner: k.user,
      createdAt: k.createdAt.toISOString(),
      lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
      revokedAt: k.revokedAt?.toISOString() ?? null,
    })),
  };
}
