import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import type { Caller } from "@/server/auth/roles";
import { formatAge } from "@/lib/format";
import type { TClaimInput, TClaimOutput } from "./claim.schema";

/**
 * Claims an open handoff for the caller.
 *
 * One conditional UPDATE decides the race: PostgreSQL locks the row, and a
 * second concurrent UPDATE re-checks `claimed_at IS NULL` against the
 * committed winner, matches nothing and returns no row. No read-then-write,
 * so no window in which two people both "see it open".
 */
export async function claimHandoff(db: Db, caller: Caller, input: TClaimInput): Promise<TClaimOutput> {
  const [claimed] = await db.$queryRaw<{ id: string; session_id: string; claimed_at: Date }[]>`
    UPDATE session_handoffs
       SET claimed_at = now(), claimed_by = ${caller.userId}::uuid
     WHERE id = ${input.handoffId}::uuid
       AND account_id = ${caller.accountId}::uuid
       AND claimed_at IS NULL
    RETURNING id, session_id, claimed_at`;
  if (claimed) {
    return { id: claimed.id, sessionId: claimed.session_id, claimedAt: claimed.claimed_at.toISOString() };
  }

  // Lost the race, or no such handoff in this account (another account's id
  // reads as missing, never as "claimed by someone").
  const [existing] = await db.$queryRaw<{ claimer_id: string | null; claimer: string | null; age_seconds: number | null }[]>`
    SELECT h.claimed_by AS claimer_id, u.name AS claimer, extract(epoch FROM now() - h.claimed_at)::float8 AS age_seconds
    FROM session_handoffs h
    LEFT JOIN users u ON u.id = h.claimed_by AND u.account_id = h.account_id
    WHERE h.id = ${input.handoffId}::uuid AND h.account_id = ${caller.accountId}::uuid`;
  if (!existing) throw new TRPCError({ code: "NOT_FOUND", message: "No such handoff in your account." });
  const who =
    existing.claimer_id === caller.userId ? "you" : (existing.claimer ?? "someone who has since left the account");
  const when = existing.age_seconds === null ? "" : ` ${formatAge(existing.age_seconds)}`;
  throw new TRPCError({ code: "CONFLICT", message: `Already claimed by ${who}${when}.` });
}
