-- Fast path for the escalations metric.
--
-- Each claimed handoff carries first_action_at: the created_at of the first
-- step of its session strictly after claimed_at (NULL while there is none,
-- and always NULL while unclaimed). The metric then reads (account_id,
-- claimed_at, first_action_at) from one covering index instead of probing the
-- steps table once per handoff.
--
-- Other services write these tables directly, so the value is kept right by
-- triggers here, never by application code. flowpilot_handoff_first_action is
-- the only place that computes it; the step triggers only decide which
-- handoffs must be recomputed and touch them.
--
-- Concurrency (READ COMMITTED). A step writer and a handoff writer on the
-- same session must never both miss each other's uncommitted row. Every
-- statement inside a plpgsql trigger takes a fresh snapshot, so it is enough
-- that one of the two waits for the other's commit before it reads:
--   * A handoff that already exists in the session: both sides lock the
--     handoff row (the claim by updating it, a step writer with FOR UPDATE),
--     so they serialise on it.
--   * A handoff that others cannot find under this session yet (a new row,
--     or one moved here from another session): the handoff trigger locks the
--     session row FOR UPDATE, which conflicts with the FOR KEY SHARE lock
--     every step writer holds on its session (the foreign-key check takes it
--     on insert; the step trigger takes it explicitly for every write). The
--     lock lasts until commit, so a claim later in the same transaction is
--     covered too.
-- Step writers never block each other on the session row (KEY SHARE locks
-- are compatible); they serialise on the handoff rows they recompute.
-- All locks are row locks, so bulk statements do not fill the lock table.

ALTER TABLE "session_handoffs" ADD COLUMN "first_action_at" TIMESTAMPTZ(6);

CREATE FUNCTION "flowpilot_handoff_first_action"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.session_id IS DISTINCT FROM OLD.session_id THEN
    PERFORM 1 FROM ai_sessions WHERE id = NEW.session_id FOR UPDATE;
  END IF;
  IF NEW.claimed_at IS NULL THEN
    NEW.first_action_at := NULL;
  ELSE
    -- A statement of its own (not a simple expression) so that, under READ
    -- COMMITTED, it reads with a fresh snapshot taken after any lock wait.
    SELECT min(s.created_at) INTO NEW.first_action_at
      FROM ai_session_steps s
     WHERE s.session_id = NEW.session_id
       AND s.created_at > NEW.claimed_at;
  END IF;
  RETURN NEW;
END
$$;

-- first_action_at is in the column list so that a direct write to it is
-- replaced by the computed value, and so the step triggers can ask for a
-- recompute by touching it.
CREATE TRIGGER "session_handoffs_first_action"
  BEFORE INSERT OR UPDATE OF "claimed_at", "session_id", "first_action_at" ON "session_handoffs"
  FOR EACH ROW EXECUTE FUNCTION "flowpilot_handoff_first_action"();

CREATE FUNCTION "flowpilot_step_first_action"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    -- Wait out any transaction adding or moving a handoff into this session.
    PERFORM 1 FROM ai_sessions WHERE id = OLD.session_id FOR KEY SHARE;
    -- Lock the session's handoffs before reading them: a claim committing
    -- concurrently either finishes first (and the UPDATE below, with its new
    -- snapshot, sees it) or waits for us (and its own trigger then reads
    -- after our commit).
    PERFORM 1 FROM session_handoffs WHERE session_id = OLD.session_id FOR UPDATE;
    -- The step that moved or vanished may have been some handoff's first action.
    UPDATE session_handoffs SET first_action_at = NULL
     WHERE session_id = OLD.session_id
       AND first_action_at = OLD.created_at;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM 1 FROM ai_sessions WHERE id = NEW.session_id FOR KEY SHARE;
    PERFORM 1 FROM session_handoffs WHERE session_id = NEW.session_id FOR UPDATE;
    -- Only handoffs claimed before this step whose first action is later (or
    -- missing) can change.
    UPDATE session_handoffs SET first_action_at = NULL
     WHERE session_id = NEW.session_id
       AND claimed_at < NEW.created_at
       AND (first_action_at IS NULL OR first_action_at > NEW.created_at);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ai_session_steps_first_action"
  AFTER INSERT OR DELETE OR UPDATE OF "created_at", "session_id" ON "ai_session_steps"
  FOR EACH ROW EXECUTE FUNCTION "flowpilot_step_first_action"();

-- TRUNCATE holds an exclusive lock on the steps table, so nothing races it.
CREATE FUNCTION "flowpilot_steps_truncated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE session_handoffs SET first_action_at = NULL WHERE first_action_at IS NOT NULL;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ai_session_steps_truncated"
  AFTER TRUNCATE ON "ai_session_steps"
  FOR EACH STATEMENT EXECUTE FUNCTION "flowpilot_steps_truncated"();

-- Backfill: touching first_action_at makes the trigger compute it.
UPDATE "session_handoffs" SET "first_action_at" = NULL WHERE "claimed_at" IS NOT NULL;

-- The metric's window scan becomes index-only.
DROP INDEX "session_handoffs_account_id_claimed_at_idx";
CREATE INDEX "session_handoffs_account_id_claimed_at_idx"
  ON "session_handoffs"("account_id", "claimed_at") INCLUDE ("first_action_at");
