/**
 * Sessions, handoffs and steps, written with plain INSERTs as the services
 * that own these tables write them, with µs timestamps. The bulk functions
 * take µs; `addSession`/`addHandoff`/`addStep` are one-row forms for tests
 * that place rows with Dates relative to `dbNow`.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { sqlInstant, toUs } from "./clock";

type Sql = Pick<Db, "$executeRaw" | "$queryRaw">;

/** Whose rows: an account and the user who owns its sessions (a World is one). */
export type RowOwner = { accountId: string; userId: string };

export type HandoffRow = {
  id?: string;
  accountId: string;
  sessionId: string;
  handedOffBy: string;
  claimedAtUs: bigint | null;
  /** defaults to `handedOffBy` when claimed */
  claimedBy?: string | null;
  /** defaults to now() */
  createdAtUs?: bigint;
  priority?: string;
  intent?: string;
};
export type StepRow = { id?: string; accountId: string; sessionId: string; createdAtUs: bigint; stepOrder?: number };

const BATCH = 500;
const instantOrNow = (us: bigint | undefined) => (us === undefined ? Prisma.sql`now()` : sqlInstant(us));
const instantOrNull = (us: bigint | null) => (us === null ? Prisma.sql`NULL::timestamptz` : sqlInstant(us));

async function inBatches<T>(rows: readonly T[], insert: (batch: readonly T[], offset: number) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH), i);
}

export async function insertSessions(db: Sql, owner: RowOwner, count: number, createdAtUs?: bigint): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await inBatches(ids, (batch) =>
    db.$executeRaw`
      INSERT INTO ai_sessions (id, user_id, account_id, session_type, intake_type, intake_content, status,
                               confidence_tier, conversation_messages, created_at)
      VALUES ${Prisma.join(
        batch.map(
          (id) =>
            Prisma.sql`(${id}::uuid, ${owner.userId}::uuid, ${owner.accountId}::uuid, 'troubleshooting', 'ticket',
                        '{}'::jsonb, 'open', 'medium', '[]'::jsonb, ${instantOrNow(createdAtUs)})`,
        ),
      )}`,
  );
  return ids;
}

export async function insertHandoffs(db: Sql, rows: readonly HandoffRow[]): Promise<void> {
  await inBatches(rows, (batch) =>
    db.$executeRaw`
      INSERT INTO session_handoffs (id, session_id, account_id, handed_off_by, intent, snapshot, priority, claimed_at,
                                    claimed_by, created_at)
      VALUES ${Prisma.join(
        batch.map((h) => {
          const claimedBy = h.claimedBy ?? (h.claimedAtUs === null ? null : h.handedOffBy);
          return Prisma.sql`(${h.id ?? randomUUID()}::uuid, ${h.sessionId}::uuid, ${h.accountId}::uuid, ${h.handedOffBy}::uuid,
                             ${h.intent ?? "stuck"}, '{}'::jsonb, ${h.priority ?? "normal"}, ${instantOrNull(h.claimedAtUs)},
                             ${claimedBy}::uuid, ${instantOrNow(h.createdAtUs)})`;
        }),
      )}`,
  );
}

export async function insertSteps(db: Sql, rows: readonly StepRow[]): Promise<void> {
  await inBatches(rows, (batch, offset) =>
    db.$executeRaw`
      INSERT INTO ai_session_steps (id, session_id, account_id, step_order, step_type, content, created_at)
      VALUES ${Prisma.join(
        batch.map(
          (s, j) =>
            Prisma.sql`(${s.id ?? randomUUID()}::uuid, ${s.sessionId}::uuid, ${s.accountId}::uuid, ${s.stepOrder ?? offset + j},
                        'note', '{"text":"step"}'::jsonb, ${sqlInstant(s.createdAtUs)})`,
        ),
      )}`,
  );
}

/** Claims an existing handoff as the queue does: an UPDATE of claimed_at. */
export async function setClaim(db: Sql, id: string, claimedAtUs: bigint, claimedBy: string): Promise<void> {
  await db.$executeRaw`
    UPDATE session_handoffs SET claimed_at = ${sqlInstant(claimedAtUs)}, claimed_by = ${claimedBy}::uuid WHERE id = ${id}::uuid`;
}

export async function moveStep(db: Sql, id: string, createdAtUs: bigint): Promise<void> {
  await db.$executeRaw`UPDATE ai_session_steps SET created_at = ${sqlInstant(createdAtUs)} WHERE id = ${id}::uuid`;
}

export async function deleteStep(db: Sql, id: string): Promise<void> {
  await db.$executeRaw`DELETE FROM ai_session_steps WHERE id = ${id}::uuid`;
}

/** One session of `owner`'s account. */
export async function addSession(db: Sql, owner: RowOwner, createdAt?: Date): Promise<{ id: string }> {
  const [id] = await insertSessions(db, owner, 1, createdAt && toUs(createdAt));
  return { id: id! };
}

/** One handoff of a session, open unless `claimedAt` is given. */
export async function addHandoff(
  db: Sql,
  s: { accountId: string; sessionId: string; handedOffBy: string },
  opts: { claimedAt?: Date | null; claimedBy?: string | null; createdAt?: Date; priority?: string; intent?: string } = {},
): Promise<{ id: string }> {
  const id = randomUUID();
  const { claimedAt, createdAt, ...rest } = opts;
  await insertHandoffs(db, [
    { ...s, ...rest, id, claimedAtUs: claimedAt ? toUs(claimedAt) : null, createdAtUs: createdAt && toUs(createdAt) },
  ]);
  return { id };
}

/** One step of a session at `createdAt`. */
export async function addStep(db: Sql, s: { accountId: string; sessionId: string }, createdAt: Date, stepOrder = 1): Promise<{ id: string }> {
  const id = randomUUID();
  await insertSteps(db, [{ ...s, id, createdAtUs: toUs(createdAt), stepOrder }]);
  return { id };
}
