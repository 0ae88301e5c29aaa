/**
 * Rows for tests. Each test makes its own account, so tests never see each
 * other's rows: every query in the app is account-scoped.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { callerFromUser, type AccountRole } from "@/server/auth/roles";
import { callerFor } from "./callers";

export async function makeAccount(db: Db, name = "Test account") {
  return db.account.create({ data: { name } });
}

export async function makeUser(db: Db, accountId: string, role: AccountRole, email?: string) {
  return db.user.create({
    data: {
      accountId,
      email: email ?? `${role}-${randomUUID()}@test.flowpilot.test`,
      name: `Test ${role}`,
      // Not a valid scrypt hash: these users never sign in with a password.
      passwordHash: "scrypt$test",
      accountRole: role,
    },
  });
}

export async function makeSession(db: Db, accountId: string, userId: string, createdAt?: Date) {
  return db.aiSession.create({
    data: {
      accountId, userId, createdAt, sessionType: "troubleshooting", intakeType: "ticket",
      intakeContent: {}, status: "open", confidenceTier: "medium", conversationMessages: [],
    },
  });
}

export async function makeHandoff(
  db: Db,
  s: { accountId: string; sessionId: string; handedOffBy: string },
  opts: { claimedAt?: Date | null; claimedBy?: string | null; createdAt?: Date; priority?: string; intent?: string } = {},
) {
  return db.sessionHandoff.create({
    data: {
      ...s, intent: opts.intent ?? "stuck", snapshot: {}, priority: opts.priority ?? "normal",
      claimedAt: opts.claimedAt ?? null, claimedBy: opts.claimedBy ?? (opts.claimedAt ? s.handedOffBy : null),
      createdAt: opts.createdAt,
    },
  });
}

export async function makeStep(db: Db, s: { accountId: string; sessionId: string }, createdAt: Date, stepOrder = 1) {
  return db.aiSessionStep.create({
    data: { ...s, createdAt, stepOrder, stepType: "note", content: { text: "step" } },
  });
}

/** An account with one user of the given role, and a tRPC caller acting as them. */
export async function makeCaller(db: Db, role: AccountRole = "engineer") {
  const account = await makeAccount(db);
  const user = await makeUser(db, account.id, role);
  const identity = callerFromUser(user);
  return { account, user, identity, trpc: callerFor(db, user) };
}

/** The database's clock, so tests place rows relative to the same now() the SQL uses. */
export async function dbNow(db: Db): Promise<Date> {
  const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return row!.now;
}

export const seconds = (n: number) => n * 1000;
export const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);
export const after = (t: Date, ms: number) => new Date(t.getTime() + ms);
