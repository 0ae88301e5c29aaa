-- Counters for rate limits and sign-in throttles, shared by every app
-- instance. The layout is the one rate-limiter-flexible's Postgres store
-- expects (it is told the table exists and never creates one at runtime).
-- Keys are "<limiter>:<sha256 of the identifier>": no email, address, key or
-- account id is stored, so the table holds no tenant data.
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    -- epoch milliseconds; rows past it are stale and are reused or cleared
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "rate_limits_expire_idx" ON "rate_limits" ("expire");
