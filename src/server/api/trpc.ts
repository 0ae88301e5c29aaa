/**
 * The one place that initialises tRPC.
 *
 * 1. Context: built in context.ts, for tests and both HTTP transports.
 * 2. Errors: every error carries a human-readable `detail`. Outside
 *    development no stack, SQL or driver message reaches a client.
 * 3. Procedures: `publicProcedure` (403 for a refused cross-site request,
 *    503 without a database), `authedProcedure` (401 without a caller) and
 *    `capabilityProcedure(capability)` (403 with the policy's reason), and
 *    `capabilityReadProcedure` for reads sent in one flight.
 *    Authorisation is decided in policy.ts and enforced here, never in
 *    handlers. API-key callers are rate limited per key in
 *    `authedProcedure` (429 with Retry-After).
 * 4. Database scope: every procedure runs in one transaction scoped to the
 *    caller's account (db/scope.ts), so row-level security backs up each
 *    query's own account filter; without a caller the scope has no account
 *    and sees no rows. A failed procedure's writes are rolled back.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError } from "zod";
import { decide, type Capability } from "@/server/auth/policy";
import { isDatabaseUnavailable } from "@/server/db/errors";
import { apiKeyRequestsPerMinute, consumeApiKeyRequest } from "@/server/auth/rate-limit";
import { inAccountScope, type ScopeOptions } from "@/server/db/scope";
import { readInAccountScope } from "@/server/db/statements";
import type { Db } from "@/server/db/client";
import type { Context } from "./context";

/** Per-procedure settings beside the REST mapping. */
export type ProcedureMeta = OpenApiMeta & {
  /** The procedure reads several statements that must agree (one snapshot). */
  isolationLevel?: ScopeOptions["isolationLevel"];
};

/** Message for a zod failure, naming each bad field and what it accepts. */
function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join(".") || "input";
      // zod's own enum message is replaced by the list; a schema's custom message (naming a rule) is kept.
      if (issue.code === "invalid_value" && "values" in issue && issue.message.startsWith("Invalid option")) {
        return `${field} must be one of ${issue.values.join(", ")}`;
      }
      return `${field}: ${issue.message}`;
    })
    .join("; ");
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof ZodError ? error.cause : null;
      const detail = zodError
        ? `Invalid input: ${describeZodError(zodError)}.`
        : error.code === "INTERNAL_SERVER_ERROR"
          ? "Internal server error."
          : error.message;
      const { stack: _stack, ...data } = shape.data;
      return {
        ...shape,
        // An internal error's message may quote SQL or a driver; replace it.
        message: error.code === "INTERNAL_SERVER_ERROR" ? detail : shape.message,
        detail,
        data: process.env.NODE_ENV === "development" ? shape.data : data,
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Unreachable database → 503 with a plain message; the pool reconnects by itself. */
const databaseUnavailable = () =>
  new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The database is unavailable right now. Try again shortly." });

const requestChecks = t.middleware(async ({ ctx, next }) => {
  if (ctx.crossSiteRefusal) throw new TRPCError({ code: "FORBIDDEN", message: ctx.crossSiteRefusal });
  if (ctx.databaseUnavailable) throw databaseUnavailable();
  const result = await next();
  if (!result.ok && isDatabaseUnavailable(result.error.cause ?? result.error)) throw databaseUnavailable();
  return result;
});

const ROLLBACK = Symbol("rollback");

/**
 * The rest of the procedure runs in the caller's account scope: ctx.db is
 * the scope's transaction, and ctx.inScope opens a new one for work done
 * after the procedure has returned (the CSV stream's pages).
 */
const callerScope = t.middleware(async ({ ctx, meta, next }) => {
  const accountId = ctx.caller?.accountId ?? null;
  const pool = ctx.db;
  const inScope = <T>(fn: (db: Db) => Promise<T>) => inAccountScope(pool, accountId, fn);
  const run = (db: Db) => next({ ctx: { db, inScope } });
  let result: Awaited<ReturnType<typeof run>> | undefined;
  try {
    await inAccountScope(
      pool,
      accountId,
      async (db) => {
        result = await run(db);
        // tRPC hands a failure back as a value; throwing makes the transaction roll back.
        if (!result.ok) throw ROLLBACK;
      },
      { isolationLevel: meta?.isolationLevel },
    );
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return result!;
});

const checkedProcedure = t.procedure.use(requestChecks);

export const publicProcedure = checkedProcedure.use(callerScope);

const authenticatedProcedure = checkedProcedure.use(async ({ ctx, next }) => {
  if (!ctx.caller) {
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message:
        ctx.authFailure ?? "Not authenticated: sign in, or send an API key as Authorization: Bearer <key>.",
    });
  }
  // Requests made with an API key are limited per key (rate-limit.ts), before
  // the role check, so every authenticated call counts.
  if (ctx.caller.apiKeyId) {
    const decision = await consumeApiKeyRequest(ctx.caller.apiKeyId);
    if (!decision.allowed) {
      ctx.responseHeaders.set("Retry-After", String(decision.retryAfterSeconds));
      throw new TRPCError({
        code: "TOO_MANY_REQUESTS",
        message:
          `Rate limit exceeded: this API key may make ${apiKeyRequestsPerMinute()} requests per minute. ` +
          `Retry after ${decision.retryAfterSeconds} s.`,
      });
    }
  }
  return next({ ctx: { ...ctx, caller: ctx.caller } });
});

export const authedProcedure = authenticatedProcedure.use(callerScope);

/**
 * A procedure the caller may run only when the policy grants `capability`
 * (403 with its reason). Decided before the database scope opens, so a
 * refusal costs no transaction.
 */
export function capabilityProcedure(capability: Capability) {
  return grantedProcedure(capability).use(callerScope);
}

function grantedProcedure(capability: Capability) {
  return authenticatedProcedure.use(({ ctx, next }) => {
    const decision = decide(ctx.caller, capability);
    if (!decision.allowed) throw new TRPCError({ code: "FORBIDDEN", message: decision.reason });
    return next();
  });
}

/**
 * A capabilityProcedure for a procedure that only reads, in statements known
 * before they run (the metric, the queue's lists): no interactive
 * transaction. ctx.read sends its statements in the caller's account scope
 * in one flight (db/statements.ts); ctx.db, unscoped, is withheld.
 */
export function capabilityReadProcedure(capability: Capability) {
  return grantedProcedure(capability).use(({ ctx, next }) =>
    next({ ctx: { db: undefined, read: readInAccountScope(ctx.db, ctx.caller.accountId) } }),
  );
}
