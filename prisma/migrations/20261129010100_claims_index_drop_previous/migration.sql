-- The covering index of the previous migration replaces this one.
DROP INDEX CONCURRENTLY IF EXISTS "session_handoffs_account_id_claimed_at_idx";
