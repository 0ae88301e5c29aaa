import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { testDb } from "../../support/db";
import { addApiKey, addMember, buildWorld, membersByRole, trpcAs } from "../../support/world";
import { hashApiKey } from "@/server/auth/api-keys";
import { ACCOUNT_ROLES, type AccountRole } from "@/server/auth/roles";
import type { User } from "@/generated/prisma/client";

const db = testDb();

/** One account with a user of each role, and a second account with an engineer. */
async function team() {
  const world = await buildWorld(db, { role: "owner", accountName: "Key team" });
  const members = await membersByRole(world);
  const users = Object.fromEntries(ACCOUNT_ROLES.map((role) => [role, members[role].user])) as Record<AccountRole, User>;
  const { user: engineer2 } = await addMember(world, "engineer");
  const { user: outsider } = await buildWorld(db, { accountName: "Someone else" });
  return { account: world.account, users, engineer2, outsider };
}

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return "OK";
  } catch (e) {
    return e instanceof TRPCError ? e.code : String(e);
  }
};

describe("apiKeys router", () => {
  it("creates a key for the caller, returns the token once and stores only its hash", async () => {
    const { users } = await team();
    const trpc = trpcAs(db, users.engineer);
    const created = await trpc.apiKeys.create({ name: "  PSA sync  " });
    expect(created.token).toMatch(/^fp_[A-Za-z0-9_-]{43}$/);
    expect(created.name).toBe("PSA sync");
    expect(created.prefix).toBe(created.token.slice(0, 11));

    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.keyHash).toBe(hashApiKey(created.token));
    expect(row.userId).toBe(users.engineer.id);
    expect(row.accountId).toBe(users.engineer.accountId);

    const list = await trpc.apiKeys.list();
    const listed = JSON.stringify(list);
    expect(listed).not.toContain(created.token);
    expect(listed).not.toContain(row.keyHash);
    expect(list.keys.map((k) => k.id)).toEqual([created.id]);
    expect(Object.keys(list.keys[0]!).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "owner", "prefix", "revokedAt", "scopes"]);
    expect(list.keys[0]!.owner).toEqual({ id: users.engineer.id, name: users.engineer.name, email: users.engineer.email });
  });

  it("makes a read-only analytics key unless wider scopes are asked for, and lists each key's scopes", async () => {
    const { users } = await team();
    const trpc = trpcAs(db, users.engineer);
    const plain = await trpc.apiKeys.create({ name: "Dashboard" });
    const wide = await trpc.apiKeys.create({ name: "Bot", scopes: ["queue:write", "analytics:read", "queue:write"] });
    expect(plain.scopes).toEqual(["analytics:read"]);
    expect(wide.scopes).toEqual(["analytics:read", "queue:write"]);
    const listed = Object.fromEntries((await trpc.apiKeys.list()).keys.map((k) => [k.name, k.scopes]));
    expect(listed).toEqual({ Dashboard: ["analytics:read"], Bot: ["analytics:read", "queue:write"] });
  });

  it("refuses an unknown scope or none at all", async () => {
    const { users } = await team();
    const trpc = trpcAs(db, users.engineer);
    expect(await code(trpc.apiKeys.create({ name: "x", scopes: [] }))).toBe("BAD_REQUEST");
    expect(await code(trpc.apiKeys.create({ name: "x", scopes: ["admin:everything" as never] }))).toBe("BAD_REQUEST");
    expect(await db.apiKey.count({ where: { userId: users.engineer.id } })).toBe(0);
  });

  it("lets engineers see and revoke only their own keys", async () => {
    const { users, engineer2 } = await team();
    const mine = await addApiKey(db, users.engineer);
    const theirs = await addApiKey(db, engineer2);
    const trpc = trpcAs(db, users.engineer);

    const list = await trpc.apiKeys.list();
    expect(list.scope).toBe("own");
    expect(list.keys.map((k) => k.id)).toEqual([mine.id]);

    expect(await code(trpc.apiKeys.revoke({ id: theirs.id }))).toBe("NOT_FOUND");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt).toBeNull();

    const revoked = await trpc.apiKeys.revoke({ id: mine.id });
    expect(revoked.id).toBe(mine.id);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: mine.id } })).revokedAt?.toISOString()).toBe(revoked.revokedAt);
  });

  it.each(["owner", "admin"] as const)("lets an %s see and revoke every key of the account, and no other", async (role) => {
    const { users, engineer2, outsider } = await team();
    const engineersKey = await addApiKey(db, engineer2);
    const ownKey = await addApiKey(db, users[role]);
    const outsidersKey = await addApiKey(db, outsider);
    const trpc = trpcAs(db, users[role]);

    const list = await trpc.apiKeys.list();
    expect(list.scope).toBe("account");
    expect(list.keys.map((k) => k.id).sort()).toEqual([engineersKey.id, ownKey.id].sort());
    expect(list.keys.find((k) => k.id === engineersKey.id)!.owner.id).toBe(engineer2.id);

    await trpc.apiKeys.revoke({ id: engineersKey.id });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: engineersKey.id } })).revokedAt).not.toBeNull();

    expect(await code(trpc.apiKeys.revoke({ id: outsidersKey.id }))).toBe("NOT_FOUND");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: outsidersKey.id } })).revokedAt).toBeNull();
  });

  it("gives viewers no key management at all (403 naming the role)", async () => {
    const { users } = await team();
    const ownersKey = await addApiKey(db, users.owner);
    const trpc = trpcAs(db, users.viewer);
    for (const call of [trpc.apiKeys.list(), trpc.apiKeys.create({ name: "x" }), trpc.apiKeys.revoke({ id: ownersKey.id })]) {
      await expect(call).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/engineer or admin role; your role is viewer/) });
    }
    expect(await db.apiKey.count({ where: { userId: users.viewer.id } })).toBe(0);
  });

  it("refuses key management with an API key, even an admin's", async () => {
    const { users } = await team();
    const key = await addApiKey(db, users.admin);
    const trpc = trpcAs(db, users.admin, key.id);
    expect(await code(trpc.apiKeys.list())).toBe("FORBIDDEN");
    expect(await code(trpc.apiKeys.create({ name: "minted by a key" }))).toBe("FORBIDDEN");
  });

  it("keeps the first revocation time when a key is revoked twice", async () => {
    const { users } = await team();
    const key = await addApiKey(db, users.admin);
    const trpc = trpcAs(db, users.admin);
    const first = await trpc.apiKeys.revoke({ id: key.id });
    const second = await trpc.apiKeys.revoke({ id: key.id });
    expect(second).toEqual(first);
    const list = await trpc.apiKeys.list();
    expect(list.keys.find((k) => k.id === key.id)!.revokedAt).toBe(first.revokedAt);
  });

  it("validates input: a name is required, ids are UUIDs", async () => {
    const { users } = await team();
    const trpc = trpcAs(db, users.engineer);
    expect(await code(trpc.apiKeys.create({ name: "   " }))).toBe("BAD_REQUEST");
    expect(await code(trpc.apiKeys.create({ name: "x".repeat(81) }))).toBe("BAD_REQUEST");
    expect(await code(trpc.apiKeys.revoke({ id: "fp_not-an-id" }))).toBe("BAD_REQUEST");
    expect(await db.apiKey.count({ where: { userId: users.engineer.id } })).toBe(0);
  });
});
