-- The report's breakdowns group the window's claims by claimed_by and
-- priority; with both in the claims index, every report endpoint reads the
-- window with one index-only scan, as the metric does. Built beside the old
-- index (swapped in by the next two migrations), without blocking writers.
CREATE INDEX CONCURRENTLY IF NOT EXISTS "session_handoffs_claims_covering_idx"
  ON "session_handoffs"("account_id", "claimed_at") INCLUDE ("first_action_at", "session_id", "claimed_by", "priority");
