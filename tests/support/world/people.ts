/** Accounts, users of each role, the callers that act as them, and their API keys. */
import { randomUUID } from "node:crypto";
import type { Account, Prisma, User } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { ACCOUNT_ROLES, callerFromUser, type AccountRole, type Caller, type CallerUser } from "@/server/auth/roles";
import { createApiKey, revokeApiKey } from "@/server/auth/api-key-store";
import { createContextInner } from "@/server/api/context";
import { createCaller } from "@/server/api/root";

/** The pool, or a transaction (see `atFixedNow`), that a world's rows and callers use. */
export type WorldDb = Db | Prisma.TransactionClient;

export type TrpcCaller = ReturnType<typeof createCaller>;

/** A user of the world's account, the Caller they resolve to, and a tRPC caller acting as them. */
export type Member = { user: User; caller: Caller; trpc: TrpcCaller };

/** A new account with its first user; `token` is that user's API key when asked for. */
export type World = Member & { db: WorldDb; account: Account; accountId: string; userId: string };
export type WorldWithKey = World & { token: string; apiKeyId: string };

export type WorldOptions = {
  /** the first user's role; engineer when unset */
  role?: AccountRole;
  accountName?: string;
  email?: string;
  name?: string;
  /** also give the first user a real API key (`token`) */
  apiKey?: boolean;
};

/**
 * A tRPC caller acting as an existing user, through `callerFromUser` as a
 * request would (optionally as if authenticated with one of their API keys);
 * `null` calls as nobody signed in.
 */
export function trpcAs(db: WorldDb, user: CallerUser | null, apiKeyId?: string): TrpcCaller {
  // A transaction client serves the same queries as the pool; procedures only query.
  return createCaller(createContextInner({ db: db as Db, caller: user && callerFromUser(user, apiKeyId) }));
}

async function createUser(db: WorldDb, accountId: string, role: AccountRole, opts: { email?: string; name?: string }) {
  return db.user.create({
    data: {
      accountId,
      email: opts.email ?? `${role}-${randomUUID()}@test.flowpilot.test`,
      name: opts.name ?? `Test ${role}`,
      // Not a valid scrypt hash: these users never sign in with a password.
      passwordHash: "scrypt$test",
      accountRole: role,
    },
  });
}

function memberOf(db: WorldDb, user: User): Member {
  return { user, caller: callerFromUser(user), trpc: trpcAs(db, user) };
}

export async function buildWorld(db: WorldDb, opts: WorldOptions & { apiKey: true }): Promise<WorldWithKey>;
export async function buildWorld(db: WorldDb, opts?: WorldOptions): Promise<World>;
export async function buildWorld(db: WorldDb, opts: WorldOptions = {}): Promise<World | WorldWithKey> {
  const account = await db.account.create({ data: { name: opts.accountName ?? "Test account" } });
  const user = await createUser(db, account.id, opts.role ?? "engineer", opts);
  const world: World = { db, account, accountId: account.id, userId: user.id, ...memberOf(db, user) };
  if (!opts.apiKey) return world;
  const key = await addApiKey(db, user);
  return { ...world, token: key.token, apiKeyId: key.id };
}

/** Another user of the world's account. */
export async function addMember(world: World, role: AccountRole, opts: { email?: string; name?: string } = {}): Promise<Member> {
  return memberOf(world.db, await createUser(world.db, world.accountId, role, opts));
}

/** A key made by the app's own `createApiKey` (revoked the app's way when asked); `token` is what a pilot sends. */
export async function addApiKey(
  db: WorldDb,
  user: { id: string; accountId: string },
  opts: { revoked?: boolean; name?: string } = {},
): Promise<{ id: string; token: string }> {
  const key = await createApiKey(db as Db, { accountId: user.accountId, userId: user.id }, opts.name ?? "test key");
  if (opts.revoked) await revokeApiKey(db as Db, key.id);
  return { id: key.id, token: key.token };
}

/** One member of each role in the world's account; the world's own user stands for its role. */
export async function membersByRole(world: World): Promise<Record<AccountRole, Member>> {
  const members = {} as Record<AccountRole, Member>;
  for (const role of ACCOUNT_ROLES) {
    members[role] = role === world.user.accountRole ? world : await addMember(world, role);
  }
  return members;
}
