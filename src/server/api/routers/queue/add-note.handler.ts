import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/generated/prisma/client";
import type { Caller } from "@/server/auth/roles";
import { NOTE_FORBIDDEN, noteWriterCondition } from "@/server/auth/policy";
import type { TAddNoteOutput } from "./add-note.schema";

/**
 * Adds an engineer's note as the session's next step. Its created_at is the
 * database's now(), after the claim, so it is the claim's first action when
 * nothing came before it; triggers update first_action_at.
 *
 * The note rule (policy.ts) is part of the INSERT's WHERE, so a
 * note is written only when it holds at that instant.
 */
export async function addNote(db: Db, caller: Caller, input: { sessionId: string; text: string }): Promise<TAddNoteOutput> {
  const content = JSON.stringify({ text: input.text, author_id: caller.userId, author_name: caller.name });
  // step_order = max + 1. Two notes written at the same instant may share an
  // order; the contract allows it and the timeline orders by time first.
  const [row] = await db.$queryRaw<{ id: string; step_order: number; created_at: Date }[]>`
    INSERT INTO ai_session_steps (session_id, account_id, step_order, step_type, content)
    SELECT s.id, s.account_id,
           coalesce((SELECT max(st.step_order) FROM ai_session_steps st WHERE st.session_id = s.id), 0) + 1,
           'engineer_note', ${content}::jsonb
    FROM ai_sessions s
    WHERE s.id = ${input.sessionId}::uuid
      AND s.account_id = ${caller.accountId}::uuid
      AND ${noteWriterCondition(caller, Prisma.raw("s"))}
    RETURNING id, step_order, created_at`;
  if (row) return { id: row.id, stepOrder: row.step_order, createdAt: row.created_at.toISOString() };

  const session = await db.aiSession.findFirst({
    where: { id: input.sessionId, accountId: caller.accountId },
    select: { id: true },
  });
  if (!session) throw new TRPCError({ code: "NOT_FOUND", message: "No such session in your account." });
  throw new TRPCError({ code: "FORBIDDEN", message: NOTE_FORBIDDEN });
}
