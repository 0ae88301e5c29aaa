import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import type { Caller } from "@/server/auth/roles";
import type { TSessionOutput } from "./session.schema";
import { mayAddNote } from "./note-policy";

const MAX_TEXT = 2_000;

/** Steps' content is free-form JSON from other services; show its text when it has one. */
export function stepText(content: unknown): string {
  if (typeof content === "string") return content.slice(0, MAX_TEXT);
  if (content && typeof content === "object" && "text" in content && typeof content.text === "string") {
    return content.text.slice(0, MAX_TEXT);
  }
  return JSON.stringify(content ?? null).slice(0, MAX_TEXT);
}

function stepAuthor(content: unknown): string | null {
  if (content && typeof content === "object" && "author_name" in content && typeof content.author_name === "string") {
    return content.author_name;
  }
  return null;
}

function intakeSummary(content: unknown): string | null {
  if (content && typeof content === "object" && "summary" in content && typeof content.summary === "string") {
    return content.summary;
  }
  return null;
}

export async function sessionDetail(db: Db, caller: Caller, sessionId: string): Promise<TSessionOutput> {
  const session = await db.aiSession.findFirst({
    where: { id: sessionId, accountId: caller.accountId },
    select: {
      id: true, createdAt: true, sessionType: true, intakeType: true, status: true, confidenceTier: true,
      intakeContent: true,
      steps: {
        // Several steps may share a step_order; time breaks the tie.
        orderBy: [{ createdAt: "asc" }, { stepOrder: "asc" }, { id: "asc" }],
        select: { id: true, stepOrder: true, stepType: true, createdAt: true, content: true },
      },
      handoffs: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true, intent: true, priority: true, createdAt: true, claimedAt: true, claimedBy: true,
          firstActionAt: true,
          handedOffByUser: { select: { name: true } },
          claimedByUser: { select: { name: true } },
        },
      },
    },
  });
  if (!session) throw new TRPCError({ code: "NOT_FOUND", message: "No such session in your account." });

  const holdsClaim = session.handoffs.some((h) => h.claimedBy === caller.userId && h.claimedAt !== null);
  return {
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    sessionType: session.sessionType,
    intakeType: session.intakeType,
    status: session.status,
    confidenceTier: session.confidenceTier,
    summary: intakeSummary(session.intakeContent),
    steps: session.steps.map((s) => ({
      id: s.id,
      stepOrder: s.stepOrder,
      stepType: s.stepType,
      createdAt: s.createdAt.toISOString(),
      text: stepText(s.content),
      authorName: stepAuthor(s.content),
    })),
    handoffs: session.handoffs.map((h) => ({
      id: h.id,
      intent: h.intent,
      priority: h.priority,
      createdAt: h.createdAt.toISOString(),
      handedOffByName: h.handedOffByUser.name,
      claimedAt: h.claimedAt?.toISOString() ?? null,
      claimedByName: h.claimedByUser?.name ?? null,
      claimedByMe: h.claimedBy === caller.userId,
      // Millisecond precision from the client is enough for a per-row label;
      // the metric itself is computed in SQL.
      secondsToFirstAction:
        h.claimedAt && h.firstActionAt ? (h.firstActionAt.getTime() - h.claimedAt.getTime()) / 1000 : null,
    })),
    canAddNote: mayAddNote(caller.role, holdsClaim),
  };
}
