import type { Db } from "@/server/db/client";
import { generateApiKey } from "@/server/auth/api-keys";
import type { AccountRole } from "@/server/auth/roles";
import { makeCaller } from "./factories";

/** A real API key row for a user; returns the bearer token a pilot would send. */
export async function makeApiKey(db: Db, user: { id: string; accountId: string }, opts: { revoked?: boolean } = {}) {
  const key = generateApiKey();
  const row = await db.apiKey.create({
    data: {
      accountId: user.accountId,
      userId: user.id,
      name: "test key",
      keyHash: key.hash,
      keyPrefix: key.displayPrefix,
      revokedAt: opts.revoked ? new Date() : null,
    },
  });
  return { id: row.id, token: key.token };
}

/**
 * Someone who calls the API both ways: `trpc` (createCaller, as the UI does)
 * and `token` (a real API key, as a pilot's script does), for one new
 * account and user of the given role.
 */
export async function makeActor(db: Db, role: AccountRole = "engineer") {
  const made = await makeCaller(db, role);
  const { token } = await makeApiKey(db, made.user);
  return { ...made, token };
}
