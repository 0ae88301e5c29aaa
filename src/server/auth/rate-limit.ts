/**
 * In-memory rate limits: requests per API key, and failed sign-ins per email
 * and per client address.
 *
 * The counters live in this process (rate-limiter-flexible's memory store),
 * kept on globalThis so every route bundle and every dev reload shares one
 * set. With several server instances each keeps its own counts, so the
 * effective limit is the configured one times the number of instances; a
 * shared store (PostgreSQL or Redis) would be needed to enforce it exactly.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { loadEnv } from "@/env";

/** Failed sign-ins allowed per email before it is locked for the window. */
export const SIGN_IN_FAILURES_PER_EMAIL = 5;
/** Failed sign-ins allowed per client address (covers many emails from one client). */
export const SIGN_IN_FAILURES_PER_CLIENT = 30;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

type Limiters = { apiKey: RateLimiterMemory; signInEmail: RateLimiterMemory; signInClient: RateLimiterMemory };

const store = globalThis as unknown as { flowpilotRateLimiters?: Limiters };

function limiters(): Limiters {
  store.flowpilotRateLimiters ??= {
    apiKey: new RateLimiterMemory({ keyPrefix: "api-key", points: loadEnv().API_KEY_RATE_LIMIT_PER_MINUTE, duration: 60 }),
    signInEmail: new RateLimiterMemory({
      keyPrefix: "sign-in-email", points: SIGN_IN_FAILURES_PER_EMAIL, duration: SIGN_IN_WINDOW_SECONDS,
    }),
    signInClient: new RateLimiterMemory({
      keyPrefix: "sign-in-client", points: SIGN_IN_FAILURES_PER_CLIENT, duration: SIGN_IN_WINDOW_SECONDS,
    }),
  };
  return store.flowpilotRateLimiters;
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Counts one request made with an API key. */
export async function consumeApiKeyRequest(apiKeyId: string): Promise<LimitDecision> {
  try {
    await limiters().apiKey.consume(apiKeyId);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfter(rejection) };
    throw rejection;
  }
}

export function apiKeyRequestsPerMinute(): number {
  return limiters().apiKey.points;
}

/**
 * Whether a sign-in may be attempted at all. Checked before the password, so
 * a locked email answers at once whether or not it exists: the lock depends
 * only on failures, never on the account.
 */
export async function signInAllowed(email: string, client: string | null): Promise<LimitDecision> {
  const { signInEmail, signInClient } = limiters();
  const checks: [RateLimiterMemory, string][] = [[signInEmail, email]];
  if (client) checks.push([signInClient, client]);
  for (const [limiter, key] of checks) {
    const res = await limiter.get(key);
    if (res && res.consumedPoints >= limiter.points) return { allowed: false, retryAfterSeconds: retryAfter(res) };
  }
  return { allowed: true };
}

export async function recordSignInFailure(email: string, client: string | null): Promise<void> {
  const { signInEmail, signInClient } = limiters();
  // consume() rejects once the points are spent; the lock is what we want then.
  await signInEmail.consume(email).catch(ignoreLimitReached);
  if (client) await signInClient.consume(client).catch(ignoreLimitReached);
}

/** A successful sign-in clears the email's failures (not the client's). */
export async function recordSignInSuccess(email: string): Promise<void> {
  await limiters().signInEmail.delete(email);
}

function ignoreLimitReached(rejection: unknown) {
  if (!(rejection instanceof RateLimiterRes)) throw rejection;
}

/** Forgets every counter; for tests only. */
export function resetRateLimits(): void {
  store.flowpilotRateLimiters = undefined;
}
