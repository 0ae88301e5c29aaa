import { Prisma } from "@/generated/prisma/client";
import type { ReadStatements } from "@/server/db/statements";
import type { Caller } from "@/server/auth/roles";
import { RECENT_LIMIT, type TRecentOutput } from "./recent.schema";
import { secondsBetween } from "./shared";
import { handoffsWithFirstAction, roundedSeconds, secondsToFirstAction } from "@/server/api/routers/analytics/escalations.sql";

type Row = {
  id: string;
  session_id: string;
  priority: string;
  intent: string;
  claimed_by: string | null;
  claimed_by_name: string | null;
  claimed_at: Date;
  claim_age_seconds: number;
  seconds_to_first_action: number | null;
};

export async function recentClaims(read: ReadStatements, caller: Caller): Promise<TRecentOutput> {
  const [rows = []] = await read<Row>([Prisma.sql`
    SELECT h.id, h.session_id, h.priority, h.intent, h.claimed_by, u.name AS claimed_by_name, h.claimed_at,
           ${secondsBetween(Prisma.sql`now()`, Prisma.sql`h.claimed_at`)} AS claim_age_seconds,
           ${roundedSeconds(secondsToFirstAction())} AS seconds_to_first_action
    FROM ${handoffsWithFirstAction} h
    -- As in open.handler.ts: nothing from another account through a join.
    JOIN ai_sessions s ON s.id = h.session_id AND s.account_id = h.account_id
    LEFT JOIN users u ON u.id = h.claimed_by AND u.account_id = h.account_id
    WHERE h.account_id = ${caller.accountId}::uuid
      AND h.claimed_at IS NOT NULL
      AND h.claimed_at <= now()
    ORDER BY h.claimed_at DESC, h.id
    LIMIT ${RECENT_LIMIT}`]);
  return {
    claims: rows.map((r) => ({
      id: r.id,
      sessionId: r.session_id,
      priority: r.priority,
      intent: r.intent,
      claimedByName: r.claimed_by_name,
      claimedByMe: r.claimed_by === caller.userId,
      claimedAt: r.claimed_at.toISOString(),
      claimAgeSeconds: Math.max(r.claim_age_seconds, 0),
      secondsToFirstAction: r.seconds_to_first_action,
    })),
  };
}
