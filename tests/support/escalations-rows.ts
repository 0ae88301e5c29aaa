/**
 * Raw rows for the metric's exactness tests: timestamps with microseconds
 * (a JS Date stops at milliseconds), written with plain INSERTs as other
 * services write them, and a transaction whose now() stays fixed so a test
 * knows the exact window the query will use.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { callerFromUser, type AccountRole } from "@/server/auth/roles";
import { createContextInner } from "@/server/api/trpc";
import { createCaller } from "@/server/api/root";
import { usToIso } from "./escalations-reference";

export type Tx = Prisma.TransactionClient;
type Sql = Pick<Db, "$executeRaw" | "$queryRaw">;

export type World = { accountId: string; userId: string };
export type HandoffRow = { id?: string; accountId: string; sessionId: string; handedOffBy: string; claimedAtUs: bigint | null };
export type StepRow = { id?: string; accountId: string; sessionId: string; createdAtUs: bigint };

const ts = (us: bigint) => Prisma.sql`${usToIso(us)}::timestamptz`;

/**
 * Runs `fn` in one transaction: now() is the transaction's start, the same
 * value for the inserts, the reference (nowUs) and the metric's query.
 */
export async function atFixedNow<T>(db: Db, fn: (tx: Tx, nowUs: bigint) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ now_us: bigint }[]>`
        SELECT (extract(epoch FROM now()) * 1000000)::bigint AS now_us`;
      return fn(tx, BigInt(row!.now_us));
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

export async function makeWorld(db: Sql, role: AccountRole = "engineer"): Promise<World> {
  const accountId = randomUUID();
  const userId = randomUUID();
  await db.$executeRaw`INSERT INTO accounts (id, name) VALUES (${accountId}::uuid, 'Exactness test')`;
  await db.$executeRaw`
    INSERT INTO users (id, account_id, email, name, password_hash, account_role)
    VALUES (${userId}::uuid, ${accountId}::uuid, ${`${userId}@exact.flowpilot.test`}, 'Exact', 'scrypt$test',
            ${role}::account_role)`;
  return { accountId, userId };
}

/** The metric as the UI calls it, reading through `db` (a transaction or the pool). */
export function metricCaller(db: Sql, world: World, role: AccountRole = "engineer") {
  const caller = callerFromUser({ id: world.userId, accountId: world.accountId, accountRole: role, email: "exact@test", name: "Exact" });
  return createCaller(createContextInner({ db: db as Db, caller })).analytics.escalations;
}

export async function insertSessions(db: Sql, world: World, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  if (count === 0) return ids;
  await db.$executeRaw`
    INSERT INTO ai_sessions (id, user_id, account_id, session_type, intake_type, intake_content, status,
                             confidence_tier, conversation_messages)
    VALUES ${Prisma.join(
      ids.map(
        (id) =>
          Prisma.sql`(${id}::uuid, ${world.userId}::uuid, ${world.accountId}::uuid, 'troubleshooting', 'ticket',
                      '{}'::jsonb, 'open', 'medium', '[]'::jsonb)`,
      ),
    )}`;
  return ids;
}

export async function insertHandoffs(db: Sql, rows: readonly HandoffRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.$executeRaw`
      INSERT INTO session_handoffs (id, session_id, account_id, handed_off_by, intent, snapshot, priority, claimed_at, claimed_by)
      VALUES ${Prisma.join(
        rows.slice(i, i + 500).map(
          (h) =>
            Prisma.sql`(${h.id ?? randomUUID()}::uuid, ${h.sessionId}::uuid, ${h.accountId}::uuid, ${h.handedOffBy}::uuid, 'stuck', '{}'::jsonb,
                        'normal', ${h.claimedAtUs === null ? null : usToIso(h.claimedAtUs)}::timestamptz,
                        ${h.claimedAtUs === null ? null : h.handedOffBy}::uuid)`,
        ),
      )}`;
  }
}

export async function insertSteps(db: Sql, rows: readonly StepRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.$executeRaw`
      INSERT INTO ai_session_steps (id, session_id, account_id, step_order, step_type, content, created_at)
      VALUES ${Prisma.join(
        rows.slice(i, i + 500).map(
          (s, j) =>
            Prisma.sql`(${s.id ?? randomUUID()}::uuid, ${s.sessionId}::uuid, ${s.accountId}::uuid, ${i + j}, 'note', '{}'::jsonb, ${ts(s.createdAtUs)})`,
        ),
      )}`;
  }
}

/** Claims an existing handoff, as the queue does: an UPDATE of claimed_at. */
export async function claimHandoff(db: Sql, id: string, claimedAtUs: bigint, claimedBy: string): Promise<void> {
  await db.$executeRaw`
    UPDATE session_handoffs SET claimed_at = ${ts(claimedAtUs)}, claimed_by = ${claimedBy}::uuid WHERE id = ${id}::uuid`;
}

export async function moveStep(db: Sql, id: string, createdAtUs: bigint): Promise<void> {
  await db.$executeRaw`UPDATE ai_session_steps SET created_at = ${ts(createdAtUs)} WHERE id = ${id}::uuid`;
}

export async function deleteStep(db: Sql, id: string): Promise<void> {
  await db.$executeRaw`DELETE FROM ai_session_steps WHERE id = ${id}::uuid`;
}
