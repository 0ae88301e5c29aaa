/**
 * Rate limits and sign-in throttles, counted in PostgreSQL so that every app
 * instance shares one count (N instances still allow the limit once, not N
 * times).
 *
 * rate-limiter-flexible's Postgres store does the counting: each `consume` is
 * one atomic upsert that increments and returns the new count, so a check and
 * its count can never be raced apart. The table comes from a migration
 * (`rate_limits`); the store is told it exists and creates nothing at runtime.
 * Keys are hashed before they are stored, so the table holds no email,
 * address or key id.
 *
 * Sign-in counts *attempts*, before any password work, and forgives them on
 * success; see docs/auth.md for why the lock is per email *and* client.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { loadEnv } from "@/env";

/** Sign-in attempts allowed per email from one client before that pair is refused for the window. */
export const SIGN_IN_ATTEMPTS_PER_EMAIL_AND_CLIENT = 5;
/** Failed sign-ins allowed per client (covers many emails from one client). */
export const SIGN_IN_ATTEMPTS_PER_CLIENT = 30;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

const TABLE = "rate_limits";

type Limiters = {
  pool: pg.Pool;
  apiKey: RateLimiterAbstract;
  signInEmailAndClient: RateLimiterAbstract;
  signInClient: RateLimiterAbstract;
};

// Kept on globalThis so every route bundle and every dev reload shares one pool.
const store = globalThis as unknown as { flowpilotRateLimiters?: Limiters };

function limiters(): Limiters {
  if (store.flowpilotRateLimiters) return store.flowpilotRateLimiters;
  const env = loadEnv();
  // A small pool of its own: limits are checked before the request's real
  // work, and must not queue behind it for a connection.
  // Its commits do not wait for the WAL to reach disk (synchronous_commit=off,
  // for these connections only): a count is one upsert per API request, and
  // waiting for the flush was most of its time. A crash of PostgreSQL can lose
  // the last fraction of a second of counts (at most 3 × wal_writer_delay), so
  // a key could then make a few more requests in that window; it can never
  // read or change data it could not otherwise. A pooler that drops startup
  // options merely leaves the default.
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL, max: 3, connectionTimeoutMillis: 5_000, options: "-c synchronous_commit=off",
  });
  pool.on("error", (error) => console.error("Rate-limit pool error:", error.message));
  // The store names its statements (prepared once per connection). Behind a
  // transaction pooler (PgBouncer before 1.21) a name prepared on one server
  // connection is unknown on the next, so they go unnamed: parsed each time,
  // which for these one-row statements costs next to nothing.
  const unnamed = { query: (q: pg.QueryConfig) => pool.query({ text: q.text, values: q.values }) };
  const limiter = (keyPrefix: string, points: number, duration: number) =>
    new RateLimiterPostgres({
      storeClient: unnamed, storeType: "pool", tableName: TABLE, tableCreated: true, keyPrefix, points, duration,
      // Once a key is over its limit, this instance refuses it from memory
      // until its window ends (the same end the shared count has), instead of
      // a database round trip per refused request.
      inMemoryBlockOnConsumed: points + 1,
    });
  store.flowpilotRateLimiters = {
    pool,
    apiKey: limiter("api-key", env.API_KEY_RATE_LIMIT_PER_MINUTE, 60),
    signInEmailAndClient: limiter("sign-in-email-client", SIGN_IN_ATTEMPTS_PER_EMAIL_AND_CLIENT, SIGN_IN_WINDOW_SECONDS),
    signInClient: limiter("sign-in-client", SIGN_IN_ATTEMPTS_PER_CLIENT, SIGN_IN_WINDOW_SECONDS),
  };
  return store.flowpilotRateLimiters;
}

/** What is stored instead of the identifier itself. */
const hashed = (...parts: string[]) => createHash("sha256").update(parts.join("\n")).digest("base64url");

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Counts one use against a limiter: allowed while the count stays within its points. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<LimitDecision> {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfter(rejection) };
    throw rejection;
  }
}

/** Counts one request made with an API key. */
export function consumeApiKeyRequest(apiKeyId: string): Promise<LimitDecision> {
  return consume(limiters().apiKey, hashed(apiKeyId));
}

export function apiKeyRequestsPerMinute(): number {
  return loadEnv().API_KEY_RATE_LIMIT_PER_MINUTE;
}

/**
 * Claims one sign-in attempt, atomically, before the password is checked:
 * the answer says whether the check may run at all. A refused attempt does no
 * password work. An unknown client (no trusted proxy named it) has no
 * per-client count, only the per-email one.
 */
export async function claimSignInAttempt(email: string, client: string | null): Promise<LimitDecision> {
  const { signInEmailAndClient, signInClient } = limiters();
  if (client) {
    const fromClient = await consume(signInClient, hashed(client));
    if (!fromClient.allowed) return fromClient;
  }
  return consume(signInEmailAndClient, hashed(email, client ?? ""));
}

/** The right password: this email's attempts from this client are forgiven, and the client's one. */
export async function forgiveSignInAttempts(email: string, client: string | null): Promise<void> {
  const { signInEmailAndClient, signInClient } = limiters();
  await signInEmailAndClient.delete(hashed(email, client ?? ""));
  if (client) await signInClient.reward(hashed(client), 1);
}
