import { Prisma } from "@/generated/prisma/client";
import type { ReadStatements } from "@/server/db/statements";
import { OPEN_LIMIT, type TOpenOutput } from "./open.schema";
import { secondsBetween } from "./shared";

type Row = {
  id: string;
  session_id: string;
  priority: string;
  intent: string;
  handed_off_by_name: string;
  created_at: Date;
  age_seconds: number;
  total: number;
};

export async function openHandoffs(read: ReadStatements, accountId: string): Promise<TOpenOutput> {
  const [rows = []] = await read<Row>([Prisma.sql`
    SELECT h.id, h.session_id, h.priority, h.intent, u.name AS handed_off_by_name, h.created_at,
           ${secondsBetween(Prisma.sql`now()`, Prisma.sql`h.created_at`)} AS age_seconds,
           count(*) OVER ()::int AS total
    FROM session_handoffs h
    -- Other services write these tables: a row whose session or user is in
    -- another account is not this account's to show.
    JOIN ai_sessions s ON s.id = h.session_id AND s.account_id = h.account_id
    JOIN users u ON u.id = h.handed_off_by AND u.account_id = h.account_id
    WHERE h.account_id = ${accountId}::uuid
      AND h.claimed_at IS NULL
    ORDER BY h.created_at DESC, h.id
    LIMIT ${OPEN_LIMIT}`]);
  return {
    total: rows[0]?.total ?? 0,
    handoffs: rows.map((r) => ({
      id: r.id,
      sessionId: r.session_id,
      priority: r.priority,
      intent: r.intent,
      handedOffByName: r.handed_off_by_name,
      createdAt: r.created_at.toISOString(),
      ageSeconds: Math.max(r.age_seconds, 0),
    })),
  };
}
