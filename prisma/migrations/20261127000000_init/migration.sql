-- FlowPilot: the six tables of the contract.
-- Every id defaults to gen_random_uuid() and every created_at to now(), so a
-- plain INSERT that names only the contract's columns succeeds.

-- CreateEnum
CREATE TYPE "account_role" AS ENUM ('owner', 'admin', 'engineer', 'viewer');

-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "name" TEXT NOT NULL,
    "display_code" TEXT,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "account_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "account_role" "account_role" NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
    -- Emails are compared case-insensitively by storing them lower-case.
    CONSTRAINT "users_email_lower_case" CHECK ("email" = lower("email"))
);

-- CreateTable
CREATE TABLE "ai_sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "session_type" TEXT NOT NULL,
    "intake_type" TEXT NOT NULL,
    "intake_content" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "confidence_tier" TEXT NOT NULL,
    "conversation_messages" JSONB NOT NULL,

    CONSTRAINT "ai_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ai_session_steps" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "session_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "step_order" INTEGER NOT NULL,
    "step_type" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "confidence_at_step" DOUBLE PRECISION,
    "input_tokens" INTEGER NOT NULL DEFAULT 0,
    "output_tokens" INTEGER NOT NULL DEFAULT 0,
    "is_fork_point" BOOLEAN NOT NULL DEFAULT false,
    "was_free_text" BOOLEAN NOT NULL DEFAULT false,
    "was_skipped" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ai_session_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_handoffs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "session_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "handed_off_by" UUID NOT NULL,
    "intent" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "priority" TEXT NOT NULL,
    "claimed_at" TIMESTAMPTZ(6),
    "claimed_by" UUID,

    CONSTRAINT "session_handoffs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "account_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "key_prefix" TEXT,
    "last_used_at" TIMESTAMPTZ(6),
    "revoked_at" TIMESTAMPTZ(6),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "accounts_display_code_key" ON "accounts"("display_code");
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE INDEX "users_account_id_idx" ON "users"("account_id");
CREATE INDEX "ai_sessions_account_id_created_at_idx" ON "ai_sessions"("account_id", "created_at");
CREATE INDEX "ai_sessions_user_id_idx" ON "ai_sessions"("user_id");
CREATE INDEX "ai_session_steps_session_id_created_at_idx" ON "ai_session_steps"("session_id", "created_at");
CREATE INDEX "ai_session_steps_account_id_idx" ON "ai_session_steps"("account_id");
CREATE INDEX "session_handoffs_account_id_claimed_at_idx" ON "session_handoffs"("account_id", "claimed_at");
CREATE INDEX "session_handoffs_account_id_created_at_idx" ON "session_handoffs"("account_id", "created_at");
CREATE INDEX "session_handoffs_session_id_idx" ON "session_handoffs"("session_id");
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");
CREATE INDEX "api_keys_account_id_idx" ON "api_keys"("account_id");
CREATE INDEX "api_keys_user_id_idx" ON "api_keys"("user_id");

-- AddForeignKey
-- Deleting an account removes everything it owns. A user who authored
-- sessions or handoffs cannot be deleted on their own while that history
-- exists (NO ACTION, checked at statement end so an account delete still
-- cascades); a claimer's removal only clears claimed_by.
ALTER TABLE "users" ADD CONSTRAINT "users_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_sessions" ADD CONSTRAINT "ai_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "ai_sessions" ADD CONSTRAINT "ai_sessions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_session_steps" ADD CONSTRAINT "ai_session_steps_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "ai_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ai_session_steps" ADD CONSTRAINT "ai_session_steps_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "session_handoffs" ADD CONSTRAINT "session_handoffs_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "ai_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "session_handoffs" ADD CONSTRAINT "session_handoffs_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "session_handoffs" ADD CONSTRAINT "session_handoffs_handed_off_by_fkey" FOREIGN KEY ("handed_off_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "session_handoffs" ADD CONSTRAINT "session_handoffs_claimed_by_fkey" FOREIGN KEY ("claimed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
