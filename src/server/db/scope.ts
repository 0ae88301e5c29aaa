/**
 * The request path's database scope: row-level security's half in the app.
 *
 * Every query a request makes for its caller runs in one transaction that
 * starts with
 *
 *   BEGIN; SET LOCAL ROLE flowpilot_app; SET LOCAL app.account_id = '<account>'
 *
 * and PostgreSQL's policies then show flowpilot_app only that account's rows
 * (docs/isolation.md; the row_level_security migration). Without an account
 * the setting is empty and every tenant table looks empty: the scope fails
 * closed. Both settings are transaction-local, so a transaction pooler
 * (PgBouncer in transaction mode) cannot carry them into another request.
 *
 * Cost: one transaction per request, and no extra round trip for the
 * settings. They ride on the adapter's own BEGIN (client.ts adds them to the
 * BEGIN sent while a scope is being opened, found through AsyncLocalStorage),
 * as one simple query: SET takes no parameters, so the account id, a uuid
 * the database gave us, is checked and written into it. SET takes no
 * snapshot, so a procedure may still ask for REPEATABLE READ afterwards.
 * Should the settings ever not reach the BEGIN, the scope refuses to run.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma } from "@/generated/prisma/client";
import { envValues } from "@/env";
import { transactionBoundsOf, type Db } from "./client";
import { isPgUuid } from "./uuid";

/** The role the request path's queries run as (created by the row_level_security migration). */
export const APP_ROLE = "flowpilot_app";

/** A database handle a scope runs on: the pool, or (in tests) a transaction already open. */
export type ScopeDb = Db | Prisma.TransactionClient;

export type ScopeOptions = {
  /** For procedures that must read one snapshot across several statements. */
  isolationLevel?: "RepeatableRead";
};


/** The settings that put a transaction in `accountId`'s scope (no account: null). */
export function scopeStatement(accountId: string | null): string {
  if (accountId !== null && !isPgUuid(accountId)) throw new Error("An account id must be a uuid.");
  return `SET LOCAL ROLE ${APP_ROLE}; SET LOCAL app.account_id = '${accountId ?? ""}'`;
}

type Opening = { statement: string; sent: boolean };
// One store per process, on globalThis like the Prisma client itself: a
// production build gives each route bundle (and instrumentation.ts, which
// creates the shared client at boot) its own copy of this module, and the
// client's BEGIN must find the scope a route opened in its own copy.
const shared = globalThis as unknown as { flowpilotScopeOpening?: AsyncLocalStorage<Opening> };
const opening = (shared.flowpilotScopeOpening ??= new AsyncLocalStorage<Opening>());

/**
 * For client.ts: what to send with a BEGIN issued inside a scope. Every
 * transaction opened there gets it, so one opened on the pool by mistake
 * (instead of on the scope's handle) is scoped all the same.
 */
export function openingStatement(): string | null {
  const o = opening.getStore();
  if (!o) return null;
  o.sent = true;
  return o.statement;
}

// Undoes a scope opened inside a transaction the scope does not own (tests).
const LEAVE_SCOPE = `SET LOCAL ROLE NONE; SET LOCAL app.account_id = ''`;

// A transaction's client hides $connect (it cannot connect on its own); the pool's client has it.
export const isPool = (db: ScopeDb): db is Db => typeof (db as { $connect?: unknown }).$connect === "function";

function boundsOf(db: Db) {
  const known = transactionBoundsOf(db);
  if (known) return known;
  const t = envValues(["DATABASE_CONNECT_TIMEOUT_MS", "DATABASE_STATEMENT_TIMEOUT_MS"]);
  return { maxWait: t.DATABASE_CONNECT_TIMEOUT_MS, timeout: 4 * t.DATABASE_STATEMENT_TIMEOUT_MS };
}

/**
 * Runs `fn` with a handle on which every query sees only `accountId`'s rows
 * (none when it is null). On the pool, that is a transaction of its own,
 * committed when `fn` resolves and rolled back when it throws. On a
 * transaction the caller already holds (tests that fix now()), the scope is
 * entered and left inside it.
 */
export async function inAccountScope<T>(
  db: ScopeDb,
  accountId: string | null,
  fn: (db: Db) => Promise<T>,
  options: ScopeOptions = {},
): Promise<T> {
  const statement = scopeStatement(accountId);
  if (!isPool(db)) {
    await db.$executeRawUnsafe(statement);
    try {
      return await fn(db as Db);
    } finally {
      // The surrounding transaction may be aborted by fn's error; then nothing runs in it any more anyway.
      await db.$executeRawUnsafe(LEAVE_SCOPE).catch(() => {});
    }
  }
  const state: Opening = { statement, sent: false };
  return opening.run(state, () =>
    db.$transaction(
      async (tx) => {
        if (!state.sent) throw new Error("The request's transaction did not open in its account scope.");
        return fn(tx as unknown as Db);
      },
      { ...boundsOf(db), ...(options.isolationLevel ? { isolationLevel: options.isolationLevel } : {}) },
    ),
  );
}
