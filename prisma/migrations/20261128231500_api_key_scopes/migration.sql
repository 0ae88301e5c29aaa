-- What an API key may be used for. Existing keys get the default and so
-- become read-only (analytics:read); wider scopes are chosen at creation.
-- Adding a column with a constant default rewrites nothing in PostgreSQL 11+.
ALTER TABLE "api_keys" ADD COLUMN "scopes" TEXT[] NOT NULL DEFAULT '{analytics:read}';
