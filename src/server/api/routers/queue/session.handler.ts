import { TRPCError } from "@trpc/server";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Caller } from "@/server/auth/roles";
import { handoffsWithFirstAction, roundedSeconds, secondsToFirstAction } from "@/server/api/routers/analytics/escalations.sql";
import { SESSION_STEPS_LIMIT, STEP_TEXT_MAX, type TSessionOutput } from "./session.schema";
import { mayAddNote } from "@/server/auth/policy";

type SessionRow = {
  id: string;
  created_at: Date;
  session_type: string;
  intake_type: string;
  status: string;
  confidence_tier: string;
  summary: string | null;
  n_steps: number;
};
type StepRow = { id: string; step_order: number; step_type: string; created_at: Date; text: string; author_name: string | null };
type HandoffRow = {
  id: string;
  intent: string;
  priority: string;
  created_at: Date;
  claimed_at: Date | null;
  claimed_by: string | null;
  handed_off_by_name: string;
  claimed_by_name: string | null;
  seconds_to_first_action: number | null;
};

/** A string field of free-form JSON written by other services, cut to what the page shows; NULL otherwise. */
const jsonText = (json: Prisma.Sql, key: "text" | "summary" | "author_name") => {
  const k = Prisma.raw(`'${key}'`);
  return Prisma.sql`CASE WHEN jsonb_typeof(${json} -> ${k}) = 'string' THEN left(${json} ->> ${k}, ${STEP_TEXT_MAX}) END`;
};

/**
 * One session with its latest steps and its handoffs. Content is cut in SQL,
 * so a step of any size costs the same to show. Every joined row must belong
 * to the session's account: other services write these tables, and nothing
 * ties a step's or handoff's account to its session's.
 */
export async function sessionDetail(db: Db, caller: Caller, sessionId: string): Promise<TSessionOutput> {
  const [session] = await db.$queryRaw<SessionRow[]>`
    SELECT s.id, s.created_at, s.session_type, s.intake_type, s.status, s.confidence_tier,
           ${jsonText(Prisma.sql`s.intake_content`, "summary")} AS summary,
           (SELECT count(*)::int FROM ai_session_steps st WHERE st.session_id = s.id AND st.account_id = s.account_id) AS n_steps
    FROM ai_sessions s
    WHERE s.id = ${sessionId}::uuid AND s.account_id = ${caller.accountId}::uuid`;
  if (!session) throw new TRPCError({ code: "NOT_FOUND", message: "No such session in your account." });

  const [steps, handoffs] = await Promise.all([
    // The latest steps; several may share a step_order, so time orders first.
    db.$queryRaw<StepRow[]>`
      SELECT * FROM (
        SELECT st.id, st.step_order, st.step_type, st.created_at,
               coalesce(CASE WHEN jsonb_typeof(st.content) = 'string' THEN left(st.content #>> '{}', ${STEP_TEXT_MAX}) END,
                        ${jsonText(Prisma.sql`st.content`, "text")},
                        left(coalesce(st.content::text, 'null'), ${STEP_TEXT_MAX})) AS text,
               ${jsonText(Prisma.sql`st.content`, "author_name")} AS author_name
        FROM ai_session_steps st
        WHERE st.session_id = ${session.id}::uuid AND st.account_id = ${caller.accountId}::uuid
        ORDER BY st.created_at DESC, st.step_order DESC, st.id DESC
        LIMIT ${SESSION_STEPS_LIMIT}
      ) latest
      ORDER BY created_at, step_order, id`,
    db.$queryRaw<HandoffRow[]>`
      SELECT h.id, h.intent, h.priority, h.created_at, h.claimed_at, h.claimed_by,
             hb.name AS handed_off_by_name, cb.name AS claimed_by_name,
             ${roundedSeconds(secondsToFirstAction())} AS seconds_to_first_action
      FROM ${handoffsWithFirstAction} h
      JOIN users hb ON hb.id = h.handed_off_by AND hb.account_id = h.account_id
      LEFT JOIN users cb ON cb.id = h.claimed_by AND cb.account_id = h.account_id
      WHERE h.session_id = ${session.id}::uuid AND h.account_id = ${caller.accountId}::uuid
      ORDER BY h.created_at, h.id`,
  ]);

  const holdsClaim = handoffs.some((h) => h.claimed_by === caller.userId && h.claimed_at !== null);
  return {
    id: session.id,
    createdAt: session.created_at.toISOString(),
    sessionType: session.session_type,
    intakeType: session.intake_type,
    status: session.status,
    confidenceTier: session.confidence_tier,
    summary: session.summary,
    steps: steps.map((s) => ({
      id: s.id,
      stepOrder: s.step_order,
      stepType: s.step_type,
      createdAt: s.created_at.toISOString(),
      text: s.text,
      authorName: s.author_name,
    })),
    earlierSteps: session.n_steps - steps.length,
    handoffs: handoffs.map((h) => ({
      id: h.id,
      intent: h.intent,
      priority: h.priority,
      createdAt: h.created_at.toISOString(),
      handedOffByName: h.handed_off_by_name,
      claimedAt: h.claimed_at?.toISOString() ?? null,
      claimedByName: h.claimed_by_name,
      claimedByMe: h.claimed_by === caller.userId,
      secondsToFirstAction: h.seconds_to_first_action,
    })),
    canAddNote: mayAddNote(caller, holdsClaim),
  };
}
