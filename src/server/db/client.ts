/**
 * The Prisma client, through the `pg` driver adapter (no native engine).
 *
 * One client per process, kept on globalThis so Next's dev reloads do not
 * open a new pool each time. JIT is off for our connections: the metric's
 * aggregate is cheap to run but PostgreSQL's JIT spent about a second
 * compiling it on large accounts. Connecting and each statement have time
 * limits, so a database that stops answering fails requests (503) instead
 * of hanging them.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { envValues, loadEnv } from "@/env";
import { openingStatement } from "./scope";

export type Db = PrismaClient;

/** How long a request's transaction may wait for a connection and run (db/scope.ts). */
export type TransactionBounds = { maxWait: number; timeout: number };
// On globalThis like the client itself (see getDb), so every route bundle finds them.
const shared = globalThis as unknown as { flowpilotTransactionBounds?: WeakMap<Db, TransactionBounds> };
const transactionBounds = (shared.flowpilotTransactionBounds ??= new WeakMap<Db, TransactionBounds>());

export function transactionBoundsOf(db: Db): TransactionBounds | undefined {
  return transactionBounds.get(db);
}

/**
 * The pipelined connections beside a client (db/statements.ts), and the SET
 * LOCALs every transaction repeats after its scope: a pooler in front of
 * PostgreSQL drops the connection's startup parameters that carry them.
 */
export type PipelinedReads = { pool: pg.Pool; perTransaction: string };
// On globalThis for the same reason as the bounds above.
const sharedPipelines = globalThis as unknown as { flowpilotPipelinedReads?: WeakMap<Db, PipelinedReads> };
const pipelinedReads = (sharedPipelines.flowpilotPipelinedReads ??= new WeakMap<Db, PipelinedReads>());

/** The pipelined connections beside `db` (none for a client not made by createDb, or one that logs). */
export function pipelinedReadsOf(db: Db): PipelinedReads | undefined {
  return pipelinedReads.get(db);
}

export type DbOptions = {
  /** Pool size; 10 by default. */
  max?: number;
  /** Called with every statement Prisma sends (the bench reads the exact SQL from it); all reads then go through Prisma. */
  onQuery?: (event: { query: string; params: string }) => void;
};

export function createDb(connectionString: string, { max = 10, onQuery }: DbOptions = {}): Db {
  const timeouts = envValues(["DATABASE_CONNECT_TIMEOUT_MS", "DATABASE_STATEMENT_TIMEOUT_MS"]);
  // Statements that open a request's transaction in its account scope (scope.ts)
  // go out with the adapter's BEGIN, in the same round trip.
  const perTransaction = `SET LOCAL statement_timeout = ${timeouts.DATABASE_STATEMENT_TIMEOUT_MS}; SET LOCAL jit = off`;
  class ScopingClient extends pg.Client {}
  const query = pg.Client.prototype.query;
  ScopingClient.prototype.query = function (this: pg.Client, config: unknown, ...rest: unknown[]) {
    const opening = config && typeof config === "object" && (config as { text?: unknown }).text === "BEGIN" ? openingStatement() : null;
    const sent = opening ? { ...(config as object), text: `BEGIN; ${opening}; ${perTransaction}` } : config;
    return (query as (...args: unknown[]) => unknown).call(this, sent, ...rest);
  } as typeof query;

  const connection = {
    connectionString,
    options: "-c jit=off",
    max,
    connectionTimeoutMillis: timeouts.DATABASE_CONNECT_TIMEOUT_MS,
    statement_timeout: timeouts.DATABASE_STATEMENT_TIMEOUT_MS,
    // The server enforces statement_timeout, but never hears of a query lost
    // on a silent network; this is the client's own bound, a moment later.
    query_timeout: timeouts.DATABASE_STATEMENT_TIMEOUT_MS + 1000,
  };
  const adapter = new PrismaPg({ ...connection, Client: ScopingClient });
  const db = onQuery ? new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] }) : new PrismaClient({ adapter });
  if (onQuery) (db as unknown as { $on: (event: "query", cb: typeof onQuery) => void }).$on("query", onQuery);
  // Reads that are known in full before they run (db/statements.ts) go out
  // in one flight on connections of their own; idle ones do not keep a
  // script's process alive. A logging client has none, so that those reads
  // go through Prisma and its log too.
  if (!onQuery) {
    const pipelined = new pg.Pool({ ...connection, pipeline: true, allowExitOnIdle: true });
    pipelined.on("error", (error) => console.error("Database pool error:", error.message));
    pipelinedReads.set(db, { pool: pipelined, perTransaction });
    const disconnect = db.$disconnect.bind(db);
    db.$disconnect = async () => {
      await Promise.all([disconnect(), pipelined.end().catch(() => {})]);
    };
  }
  transactionBounds.set(db, {
    // Waiting for a pooled connection is bounded as for any query; a
    // procedure runs a few statements, each bounded by statement_timeout.
    maxWait: timeouts.DATABASE_CONNECT_TIMEOUT_MS,
    timeout: 4 * timeouts.DATABASE_STATEMENT_TIMEOUT_MS,
  });
  return db;
}

const globalForDb = globalThis as unknown as { flowpilotDb?: Db };

export function getDb(): Db {
  globalForDb.flowpilotDb ??= createDb(loadEnv().DATABASE_URL);
  return globalForDb.flowpilotDb;
}
