/**
 * Reads known in full before they run, in the caller's account scope, in one
 * flight.
 *
 * A procedure that only reads, and whose statements do not depend on each
 * other's results (the metric: its window and previous window; the queue's
 * two lists), need not pay an interactive transaction's round trips. On a
 * pipelined connection (node-postgres' `pipeline` mode) its transaction goes
 * out without waiting between statements:
 *
 *   BEGIN READ ONLY; SET LOCAL ROLE flowpilot_app; SET LOCAL app.account_id = …   (scope.ts)
 *   each statement, with its parameters
 *   COMMIT
 *
 * and PostgreSQL answers all of them in order. Row-level security applies as
 * in every scoped transaction, and the settings stay transaction-local, so a
 * transaction pooler cannot carry them on. Should the opening fail, nothing
 * after it is in the scope: its statements' rows are thrown away and the
 * opening's error is raised, so no row read outside the scope reaches the
 * caller (and READ ONLY means none of them could have written).
 *
 * Rows come from node-postgres' own parsers here and from Prisma's inside a
 * transaction: they agree on int4, float8, text, boolean and timestamptz (a
 * Date, to the millisecond) columns, so statements read through this module
 * select only those.
 */
import type pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { pipelinedReadsOf, type Db, type PipelinedReads } from "./client";
import { inAccountScope, isPool, scopeStatement, type ScopeDb } from "./scope";

type AnyRow = Record<string, unknown>;

/** Runs independent read statements and gives each one's rows, in order (`Row`: what each statement selects). */
export type ReadStatements = <Row = AnyRow>(statements: Prisma.Sql[]) => Promise<Row[][]>;

/** Runs the statements one after another on a handle already in the caller's scope. */
export function statementsOn(db: Db): ReadStatements {
  return async <Row>(statements: Prisma.Sql[]) => {
    const results: Row[][] = [];
    for (const statement of statements) results.push(await db.$queryRaw<Row[]>(statement));
    return results;
  };
}

/** Reads in `accountId`'s scope (no rows at all when it is null), in one flight when `db` is the pool. */
export function readInAccountScope(db: ScopeDb, accountId: string | null): ReadStatements {
  const pipelined = isPool(db) ? pipelinedReadsOf(db) : undefined;
  if (!pipelined) return (statements) => inAccountScope(db, accountId, (scoped) => statementsOn(scoped)(statements));
  return readInOneFlight(pipelined, scopeStatement(accountId));
}

/**
 * One statement outside any account's scope, as the connecting role: only for
 * the lookups made before the caller is known, which go through the narrow
 * SECURITY DEFINER functions of docs/isolation.md (auth/caller.ts). On the
 * pipelined connections where `db` has them, so that authenticating a request
 * costs a round trip of the driver's and not also a turn of Prisma's client.
 */
export async function readBeforeScope<Row = AnyRow>(db: Db, statement: Prisma.Sql): Promise<Row[]> {
  const pipelined = pipelinedReadsOf(db);
  if (!pipelined) return db.$queryRaw<Row[]>(statement);
  const { rows } = await pipelined.pool.query({ text: statement.text, values: statement.values });
  return rows as Row[];
}

/**
 * Sends `BEGIN READ ONLY; <settings>`, the statements and COMMIT on one
 * pipelined connection without waiting in between. Exported for the bench,
 * which also times the flight without the scope's settings.
 */
export function readInOneFlight({ pool, perTransaction }: PipelinedReads, settings: string): ReadStatements {
  const opening = `BEGIN READ ONLY; ${settings}; ${perTransaction}`;
  return async <Row>(statements: Prisma.Sql[]) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      const sent = inOneWrite(client, () => [
        client.query(opening),
        ...statements.map((s) => client.query<AnyRow>({ text: s.text, values: s.values })),
        client.query("COMMIT"),
      ]);
      const settled = await Promise.allSettled(sent);
      // The first failure in the order sent: the opening's before any statement's.
      const failure = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failure) {
        // A failed statement leaves the transaction aborted and COMMIT rolls it
        // back, so the connection is idle again; a lost one is not reused.
        if (client.getTransactionStatus() !== "I") broken = failure.reason as Error;
        throw failure.reason;
      }
      return settled.slice(1, -1).map((r) => (r as PromiseFulfilledResult<pg.QueryResult<AnyRow>>).value.rows as Row[]);
    } finally {
      client.release(broken);
    }
  };
}

/**
 * Runs `send` with the connection's socket corked, so that everything it
 * queues leaves in one write. A pipelined client hands each query to the
 * socket as it is called, and each would otherwise be a write of its own
 * (four for a one-statement flight): a system call each, and on loopback the
 * sender also pays the receiving side's TCP work. node-postgres corks a
 * single query's messages the same way (query.js); `connection.stream` is how
 * it reaches the socket there too.
 */
function inOneWrite<T>(client: pg.PoolClient, send: () => T): T {
  const socket = (client as unknown as { connection?: { stream?: { cork?: () => void; uncork?: () => void } } }).connection?.stream;
  socket?.cork?.();
  try {
    return send();
  } finally {
    socket?.uncork?.();
  }
}
