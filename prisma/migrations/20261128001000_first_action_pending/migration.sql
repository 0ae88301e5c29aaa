-- first_action_at without locks between writers, and for least-privilege writers.
--
-- The first version of the triggers kept session_handoffs.first_action_at
-- exact at every commit by locking: every step write locked all handoffs of
-- its session, and every handoff insert locked the session row. Writers then
-- waited on each other where the tables alone never made them wait, and two
-- ordinary sequences deadlocked (40P01): two transactions writing steps on
-- each other's sessions, and a step writer that later updates the session
-- row another transaction has updated before adding a handoff. The trigger
-- functions also ran with the writer's privileges (their FOR UPDATE needs
-- UPDATE on ai_sessions and session_handoffs) and unqualified names.
--
-- Now writers only append: every step write adds the sessions it touched to
-- first_action_pending (one row per session per statement), and every
-- handoff write that computes first_action_at adds its session too. Inserts
-- into a table without unique constraints never wait for each other.
-- Readers go through the handoff_first_actions view, which recomputes
-- first_action_at for the handoffs of pending sessions at query time, so the
-- metric is exact as soon as a writer commits. flowpilot_fold_first_actions()
-- later stores the recomputed values and deletes the pending rows; the app
-- calls it every few seconds.
--
-- Why this stays exact (READ COMMITTED or stricter writers). A handoff's
-- stored value is the definition at some snapshot: the one its own trigger
-- or a fold computed it at. Every step change committed after that snapshot
-- left a pending row for the session in the same transaction, and a pending
-- row is deleted only by a fold that recomputed every handoff of the session
-- at a later snapshot:
--   * the fold locks the session's handoffs with SKIP LOCKED; if a visible
--     handoff is locked by an open writer, the session stays pending;
--   * a handoff the fold cannot see yet (inserted, or moved into the
--     session, by an open transaction) and a claim computed at an older
--     snapshot carry their own pending row, which commits with them.
-- The fold never waits; a writer may wait for a fold's single statement,
-- which holds no other locks, so no cycle can form.
--
-- All functions are SECURITY DEFINER with a pinned search_path and
-- schema-qualified names: a writer needs no privilege beyond its own INSERT
-- or UPDATE, and cannot redirect a name through its search_path.

CREATE TABLE "first_action_pending" (
  "id"         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "session_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
-- No foreign key: its check would lock the session row. A row for a deleted
-- session is dropped by the next fold.
CREATE INDEX "first_action_pending_session_id_idx" ON "first_action_pending"("session_id");

-- The definition, in one place: the first step of the session strictly after
-- the claim (NULL while unclaimed or without one). A SQL-standard body is
-- bound when created, so no caller's search_path can change what it reads.
-- COST 1: the view calls it only for handoffs of pending sessions, but the
-- planner charges a CASE arm to every row; at the default cost (100) the
-- metric's plan turned parallel, which only added a Gather of every row.
CREATE FUNCTION "flowpilot_first_action_after"(of_session uuid, claimed timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE COST 1
RETURN (SELECT min(s.created_at) FROM public.ai_session_steps s WHERE s.session_id = of_session AND s.created_at > claimed);

CREATE OR REPLACE FUNCTION "flowpilot_handoff_first_action"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  -- A statement of its own (not a simple expression), so it reads with a
  -- fresh snapshot.
  SELECT public.flowpilot_first_action_after(NEW.session_id, NEW.claimed_at) INTO NEW.first_action_at;
  -- Folding rewrites the value it has just computed; anything else may have
  -- read an older snapshot than a concurrent step writer's commit.
  IF current_setting('flowpilot.folding', true) IS DISTINCT FROM 'on' THEN
    INSERT INTO public.first_action_pending (session_id) VALUES (NEW.session_id);
  END IF;
  RETURN NEW;
END
$$;

DROP TRIGGER "ai_session_steps_first_action" ON "ai_session_steps";
DROP FUNCTION "flowpilot_step_first_action"();

-- Statement-level, with transition tables: one pending row per session per
-- statement, however many steps a bulk insert writes.
CREATE FUNCTION "flowpilot_steps_changed"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO public.first_action_pending (session_id) SELECT DISTINCT session_id FROM new_steps;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO public.first_action_pending (session_id) SELECT DISTINCT session_id FROM old_steps;
  ELSE
    -- Only a moved step (another session or another time) can change a first action.
    INSERT INTO public.first_action_pending (session_id)
    SELECT DISTINCT x.session_id
      FROM old_steps o JOIN new_steps n ON n.id = o.id
     CROSS JOIN LATERAL (VALUES (o.session_id), (n.session_id)) x(session_id)
     WHERE o.session_id IS DISTINCT FROM n.session_id OR o.created_at IS DISTINCT FROM n.created_at;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ai_session_steps_inserted" AFTER INSERT ON "ai_session_steps"
  REFERENCING NEW TABLE AS new_steps FOR EACH STATEMENT EXECUTE FUNCTION "flowpilot_steps_changed"();
CREATE TRIGGER "ai_session_steps_updated" AFTER UPDATE ON "ai_session_steps"
  REFERENCING OLD TABLE AS old_steps NEW TABLE AS new_steps FOR EACH STATEMENT EXECUTE FUNCTION "flowpilot_steps_changed"();
CREATE TRIGGER "ai_session_steps_deleted" AFTER DELETE ON "ai_session_steps"
  REFERENCING OLD TABLE AS old_steps FOR EACH STATEMENT EXECUTE FUNCTION "flowpilot_steps_changed"();

-- TRUNCATE empties the table at once: every handoff with an action loses it.
CREATE OR REPLACE FUNCTION "flowpilot_steps_truncated"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  INSERT INTO public.first_action_pending (session_id)
  SELECT DISTINCT session_id FROM public.session_handoffs WHERE first_action_at IS NOT NULL;
  RETURN NULL;
END
$$;

-- What readers use instead of session_handoffs.first_action_at. Handoffs of
-- sessions without pending rows (almost all) read the stored value, so the
-- metric's window is still one index-only scan; session_id joins the index
-- for the anti-join against the (few) pending sessions.
CREATE VIEW "handoff_first_actions" AS
SELECT h.id, h.created_at, h.session_id, h.account_id, h.handed_off_by, h.intent, h.snapshot, h.priority,
       h.claimed_at, h.claimed_by,
       CASE WHEN p.session_id IS NULL THEN h.first_action_at
            ELSE public.flowpilot_first_action_after(h.session_id, h.claimed_at) END AS first_action_at
  FROM public.session_handoffs h
  LEFT JOIN (SELECT DISTINCT session_id FROM public.first_action_pending) p ON p.session_id = h.session_id;

-- Stores the recomputed value for up to max_rows pending rows and deletes
-- them; returns how many it deleted. Never waits: pending rows and handoffs
-- another transaction holds are left for a later call. Safe to run from any
-- number of processes at once.
CREATE FUNCTION "flowpilot_fold_first_actions"(max_rows integer DEFAULT 1000) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
SET flowpilot.folding = 'on'
AS $$
DECLARE
  picked bigint[];
  sessions uuid[];
  locked uuid[];
  blocked uuid[];
  folded integer;
BEGIN
  SELECT array_agg(p.id), array_agg(DISTINCT p.session_id) INTO picked, sessions
    FROM (SELECT id, session_id FROM public.first_action_pending ORDER BY id LIMIT max_rows FOR UPDATE SKIP LOCKED) p;
  IF picked IS NULL THEN
    RETURN 0;
  END IF;
  SELECT coalesce(array_agg(h.id), '{}') INTO locked
    FROM (SELECT id FROM public.session_handoffs WHERE session_id = ANY (sessions) FOR UPDATE SKIP LOCKED) h;
  -- Later snapshot: also catches a handoff committed into a session since.
  SELECT coalesce(array_agg(DISTINCT session_id), '{}') INTO blocked
    FROM public.session_handoffs WHERE session_id = ANY (sessions) AND id <> ALL (locked);
  -- The trigger recomputes whatever is written; rows already right are not
  -- rewritten, which keeps them all-visible for index-only scans.
  UPDATE public.session_handoffs SET first_action_at = NULL
   WHERE id = ANY (locked) AND session_id <> ALL (blocked)
     AND first_action_at IS DISTINCT FROM public.flowpilot_first_action_after(session_id, claimed_at);
  DELETE FROM public.first_action_pending WHERE id = ANY (picked) AND session_id <> ALL (blocked);
  GET DIAGNOSTICS folded = ROW_COUNT;
  RETURN folded;
END
$$;

-- Functions are executable by PUBLIC by default; say so for the fold, which
-- any reader may run: it only stores values the view already returns.
GRANT EXECUTE ON FUNCTION "flowpilot_fold_first_actions"(integer) TO PUBLIC;

DROP INDEX "session_handoffs_account_id_claimed_at_idx";
CREATE INDEX "session_handoffs_account_id_claimed_at_idx"
  ON "session_handoffs"("account_id", "claimed_at") INCLUDE ("first_action_at", "session_id");
