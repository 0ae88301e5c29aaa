-- Back to the name Prisma's schema gives @@index([accountId, claimedAt]).
ALTER INDEX "session_handoffs_claims_covering_idx" RENAME TO "session_handoffs_account_id_claimed_at_idx";
