-- Account settings for the escalations report.
--
-- time_zone: the IANA zone calendar buckets use by default. A CHECK cannot
-- read a catalog, so a trigger checks a new or changed value against
-- pg_timezone_names: PostgreSQL must understand every stored zone, since the
-- report computes buckets with AT TIME ZONE. Checked only when set (the scan
-- of the zone list costs milliseconds), never on other updates of the row.
--
-- first_action_target_seconds: the account's target for time to first
-- action; NULL means no target.

ALTER TABLE "accounts"
    ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    ADD COLUMN "first_action_target_seconds" INTEGER,
    ADD CONSTRAINT "accounts_first_action_target_seconds_positive" CHECK ("first_action_target_seconds" > 0);

CREATE FUNCTION "flowpilot_check_account_time_zone"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = NEW.time_zone) THEN
        RAISE EXCEPTION 'time_zone "%" is not an IANA time zone name known to this server', NEW.time_zone
            USING ERRCODE = 'check_violation', CONSTRAINT = 'accounts_time_zone_iana';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "accounts_time_zone_iana_insert"
    BEFORE INSERT ON "accounts"
    FOR EACH ROW WHEN (NEW.time_zone <> 'UTC')
    EXECUTE FUNCTION "flowpilot_check_account_time_zone"();

CREATE TRIGGER "accounts_time_zone_iana_update"
    BEFORE UPDATE OF "time_zone" ON "accounts"
    FOR EACH ROW WHEN (NEW.time_zone IS DISTINCT FROM OLD.time_zone)
    EXECUTE FUNCTION "flowpilot_check_account_time_zone"();
