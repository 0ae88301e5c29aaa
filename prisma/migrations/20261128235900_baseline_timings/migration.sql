-- The manual baseline: stopwatch timings of verbal handoffs, one row per
-- timing, account-scoped like every other table (account_id on every row, so
-- row-level security can be added on it).
--
-- The rules on seconds are enforced here as well as in the application, so a
-- row written by any other path still means what the savings comparison
-- assumes: a positive duration of at most one week, in whole milliseconds.
CREATE TABLE "baseline_timings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "account_id" UUID NOT NULL,
    "measured_at" TIMESTAMPTZ(6) NOT NULL,
    "seconds" NUMERIC NOT NULL,
    "engineer_name" TEXT,
    "note" TEXT,
    "created_by" UUID NOT NULL,

    CONSTRAINT "baseline_timings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "baseline_timings_seconds_positive" CHECK ("seconds" > 0),
    CONSTRAINT "baseline_timings_seconds_at_most_a_week" CHECK ("seconds" <= 604800),
    -- Plain NUMERIC (not NUMERIC(9,3)) so a fourth decimal is refused rather
    -- than silently rounded away.
    CONSTRAINT "baseline_timings_seconds_three_decimals" CHECK ("seconds" = round("seconds", 3)),
    CONSTRAINT "baseline_timings_engineer_name_length" CHECK (char_length("engineer_name") <= 200),
    CONSTRAINT "baseline_timings_note_length" CHECK (char_length("note") <= 2000)
);

-- Listing (newest measured_at first, id as tie-break) and the per-account
-- statistics both read this index.
CREATE INDEX "baseline_timings_account_id_measured_at_id_idx"
    ON "baseline_timings" ("account_id", "measured_at" DESC, "id" DESC);
CREATE INDEX "baseline_timings_created_by_idx" ON "baseline_timings" ("created_by");

ALTER TABLE "baseline_timings" ADD CONSTRAINT "baseline_timings_account_id_fkey"
    FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "baseline_timings" ADD CONSTRAINT "baseline_timings_created_by_fkey"
    FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
