/**
 * The one place that initialises tRPC.
 *
 * 1. Context: `createContextInner` takes an already-resolved caller, so
 *    tests call procedures with `createCaller` and no HTTP. The request-bound
 *    `createContext` (context.ts) resolves the caller from a session cookie
 *    or a bearer API key.
 * 2. Errors: every error carries a human-readable `detail`. Outside
 *    development no stack, SQL or driver message reaches a client.
 * 3. Procedures: `publicProcedure`, `authedProcedure` (401 without a caller)
 *    and `roleProcedure(roles)` (403 naming the roles needed). Authorisation
 *    lives here, never in handlers. API-key callers are rate limited per key
 *    in `authedProcedure` (429 with Retry-After).
 */
import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError } from "zod";
import type { Db } from "@/server/db/client";
import { hasRole, type AccountRole, type Caller } from "@/server/auth/roles";
import { isDatabaseUnavailable } from "@/server/db/errors";
import { apiKeyRequestsPerMinute, consumeApiKeyRequest } from "@/server/auth/rate-limit";

export type Context = {
  db: Db;
  caller: Caller | null;
  /** Why authentication failed, when a credential was sent but rejected. */
  authFailure?: string;
  /** Set when the caller could not be resolved because the database is down. */
  databaseUnavailable?: boolean;
  /** Extra response headers a procedure or middleware wants sent (e.g. Retry-After). */
  responseHeaders: Headers;
};

export function createContextInner(opts: {
  db: Db;
  caller: Caller | null;
  authFailure?: string;
  databaseUnavailable?: boolean;
}): Context {
  return { ...opts, responseHeaders: new Headers() };
}

/** Message for a zod failure, naming each bad field and what it accepts. */
function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join(".") || "input";
      if (issue.code === "invalid_value" && "values" in issue) {
        return `${field} must be one of ${issue.values.join(", ")}`;
      }
      return `${field}: ${issue.message}`;
    })
    .join("; ");
}

const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta>()
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

const databaseErrors = t.middleware(async ({ ctx, next }) => {
  if (ctx.databaseUnavailable) throw databaseUnavailable();
  const result = await next();
  if (!result.ok && isDatabaseUnavailable(result.error.cause ?? result.error)) throw databaseUnavailable();
  return result;
});

export const publicProcedure = t.procedure.use(databaseErrors);

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
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

function describeRoles(roles: readonly AccountRole[]): string {
  // owner is implied wherever admin is allowed; name the roles people ask for.
  const named = roles.filter((r) => r !== "owner");
  return named.length > 1 ? `${named.slice(0, -1).join(", ")} or ${named.at(-1)}` : (named[0] ?? "owner");
}

export function roleProcedure(roles: readonly AccountRole[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.caller.role, roles)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This needs the ${describeRoles([...roles].reverse())} role; your role is ${ctx.caller.role}.`,
      });
    }
    return next();
  });
}
