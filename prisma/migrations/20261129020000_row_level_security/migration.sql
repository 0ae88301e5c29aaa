-- Row-level security: tenant isolation enforced by PostgreSQL as well as by
-- every query's own account filter (docs/isolation.md).
--
-- The app's request path runs each request in a transaction that starts with
--   SET LOCAL ROLE flowpilot_app; SET LOCAL app.account_id = '<caller's account>'
-- (src/server/db/scope.ts). Both are transaction-local, so a transaction
-- pooler cannot carry them into another request. For flowpilot_app, every
-- tenant table shows only rows of that account, and no rows at all when no
-- account is set (fails closed).
--
-- Everyone else is unaffected: the tables' owner (migrations, seed, CLI,
-- bench, the fold, the SECURITY DEFINER triggers) bypasses RLS because it is
-- not FORCEd, and any other role (another service writing these tables with
-- its own role) passes the permissive policy, exactly as before RLS was on.
-- Only the RESTRICTIVE policy is tied to flowpilot_app.

-- 1. The role. NOLOGIN: nobody connects as it; the connecting role switches
--    to it per transaction, which needs membership (a superuser needs none).
DO $$
DECLARE
  me text := current_user;
  can_create boolean := (SELECT rolsuper OR rolcreaterole FROM pg_catalog.pg_roles WHERE rolname = current_user);
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'flowpilot_app') THEN
    IF NOT can_create THEN
      RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = format(
        'The role flowpilot_app does not exist and %I may not create roles. As a superuser, run: '
        'CREATE ROLE flowpilot_app NOLOGIN; GRANT flowpilot_app TO %I;  then run the migrations again.', me, me);
    END IF;
    BEGIN
      CREATE ROLE flowpilot_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- created at the same moment by a migration of another database on this server
    END;
  END IF;
  IF NOT pg_catalog.pg_has_role(me, 'flowpilot_app', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT flowpilot_app TO %I', me);
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = format(
        'The role %I is not a member of flowpilot_app and may not grant it to itself. As a superuser, run: '
        'GRANT flowpilot_app TO %I;  then run the migrations again.', me, me);
    END;
  END IF;
END
$$;

-- 2. What flowpilot_app may touch at all: the tenant tables and the metric's
--    view. Not _prisma_migrations, nor rate_limits (no tenant data: hashed
--    keys, written through the rate limiter's own connections).
GRANT USAGE ON SCHEMA public TO flowpilot_app;
GRANT SELECT, INSERT, UPDATE, DELETE
   ON "accounts", "users", "ai_sessions", "ai_session_steps", "session_handoffs", "api_keys", "baseline_timings"
   TO flowpilot_app;
GRANT SELECT ON "handoff_first_actions", "first_action_pending" TO flowpilot_app;

-- 3. The caller's account, NULL when none is set: every comparison with it is
--    then false, so a query sees no rows. A SQL function with a plain body is
--    inlined, so the planner sees a stable expression it can use in an index
--    condition.
CREATE FUNCTION "flowpilot_account_id"() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE
RETURN nullif(pg_catalog.current_setting('app.account_id', true), '')::uuid;

-- 4. first_action_pending gets the account of the row that made it pending,
--    so it can be filtered like every other table. Writers never insert here
--    directly: only the SECURITY DEFINER triggers below do.
ALTER TABLE "first_action_pending" ADD COLUMN "account_id" UUID;
UPDATE "first_action_pending" p SET "account_id" = s."account_id" FROM "ai_sessions" s WHERE s."id" = p."session_id";

CREATE OR REPLACE FUNCTION "flowpilot_handoff_first_action"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  -- A statement of its own (not a simple expression), so it reads with a
  -- fresh snapshot.
  SELECT public.flowpilot_first_action_after(NEW.session_id, NEW.claimed_at) INTO NEW.first_action_at;
  -- Folding rewrites the value it has just computed; anything else may have
  -- read an older snapshot than a concurrent step writer's commit.
  IF current_setting('flowpilot.folding', true) IS DISTINCT FROM 'on' THEN
    INSERT INTO public.first_action_pending (session_id, account_id) VALUES (NEW.session_id, NEW.account_id);
  END IF;
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION "flowpilot_steps_changed"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO public.first_action_pending (session_id, account_id) SELECT DISTINCT session_id, account_id FROM new_steps;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO public.first_action_pending (session_id, account_id) SELECT DISTINCT session_id, account_id FROM old_steps;
  ELSE
    -- Only a moved step (another session or another time) can change a first action.
    INSERT INTO public.first_action_pending (session_id, account_id)
    SELECT DISTINCT x.session_id, x.account_id
      FROM old_steps o JOIN new_steps n ON n.id = o.id
     CROSS JOIN LATERAL (VALUES (o.session_id, o.account_id), (n.session_id, n.account_id)) x(session_id, account_id)
     WHERE o.session_id IS DISTINCT FROM n.session_id OR o.created_at IS DISTINCT FROM n.created_at;
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "flowpilot_steps_truncated"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  INSERT INTO public.first_action_pending (session_id, account_id)
  SELECT DISTINCT session_id, account_id FROM public.session_handoffs WHERE first_action_at IS NOT NULL;
  RETURN NULL;
END
$$;

-- 5. The policies. For each tenant table: a permissive policy that admits
--    every row (without one, RLS would hide all rows from every role but the
--    owner, and other services' roles would stop working), and a restrictive
--    one, for flowpilot_app only, that admits the caller's account's rows,
--    for reading and for writing.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users', 'ai_sessions', 'ai_session_steps', 'session_handoffs', 'api_keys',
                           'baseline_timings', 'first_action_pending'] LOOP
    EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON public.%I AS PERMISSIVE FOR ALL TO PUBLIC USING (true) WITH CHECK (true)',
                   t || '_any_role', t);
    EXECUTE format('CREATE POLICY %I ON public.%I AS RESTRICTIVE FOR ALL TO flowpilot_app '
                   'USING (account_id = public.flowpilot_account_id()) WITH CHECK (account_id = public.flowpilot_account_id())',
                   t || '_caller_account', t);
  END LOOP;
END
$$;

-- accounts is keyed by its own id.
ALTER TABLE "accounts" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "accounts_any_role" ON "accounts" AS PERMISSIVE FOR ALL TO PUBLIC USING (true) WITH CHECK (true);
CREATE POLICY "accounts_caller_account" ON "accounts" AS RESTRICTIVE FOR ALL TO flowpilot_app
  USING ("id" = public.flowpilot_account_id()) WITH CHECK ("id" = public.flowpilot_account_id());

-- 6. The metric's view reads with the rights of whoever queries it (PG 15),
--    so the policies of session_handoffs and first_action_pending apply
--    through it. A view runs as its owner by default, which would bypass them.
ALTER VIEW "handoff_first_actions" SET (security_invoker = true);

-- 7. The lookups made before the caller's account is known. Each returns only
--    what its one use needs, for one exact key; flowpilot_app (and the
--    owner) may call them, nobody else. SECURITY DEFINER: they run as the
--    owner, who bypasses RLS; the search_path is pinned and names are
--    qualified, so a caller cannot redirect them.

-- Sign-in: the user with this (lower-case) email, with the password hash to verify.
CREATE FUNCTION "flowpilot_sign_in_user"(p_email text)
RETURNS TABLE (id uuid, email text, name text, password_hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
BEGIN ATOMIC
  SELECT u.id, u.email, u.name, u.password_hash FROM public.users u WHERE u.email = p_email;
END;

-- A session cookie: the user its token names, as a caller (no password hash).
CREATE FUNCTION "flowpilot_session_caller"(p_user_id uuid)
RETURNS TABLE (id uuid, account_id uuid, account_role account_role, email text, name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
BEGIN ATOMIC
  SELECT u.id, u.account_id, u.account_role, u.email, u.name FROM public.users u WHERE u.id = p_user_id;
END;

-- An API key: its owner as a caller, with the key's id and scopes; nothing
-- for an unknown or revoked key, or one whose user has moved to another
-- account. Records the use in last_used_at, at most once a minute per key,
-- to keep reads cheap.
CREATE FUNCTION "flowpilot_api_key_caller"(p_key_hash text)
RETURNS TABLE (api_key_id uuid, scopes text[], id uuid, account_id uuid, account_role account_role, email text, name text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
#variable_conflict use_column
DECLARE
  k record;
BEGIN
  SELECT ak.id AS key_id, ak.scopes, ak.last_used_at, u.id AS user_id, u.account_id, u.account_role, u.email, u.name
    INTO k
    FROM public.api_keys ak JOIN public.users u ON u.id = ak.user_id
   WHERE ak.key_hash = p_key_hash AND ak.revoked_at IS NULL AND u.account_id = ak.account_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute' THEN
    UPDATE public.api_keys ak SET last_used_at = now() WHERE ak.id = k.key_id;
  END IF;
  RETURN QUERY SELECT k.key_id, k.scopes, k.user_id, k.account_id, k.account_role, k.email, k.name;
END
$$;

REVOKE EXECUTE ON FUNCTION "flowpilot_sign_in_user"(text), "flowpilot_session_caller"(uuid), "flowpilot_api_key_caller"(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "flowpilot_sign_in_user"(text), "flowpilot_session_caller"(uuid), "flowpilot_api_key_caller"(text) TO flowpilot_app;
