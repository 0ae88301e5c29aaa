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
import { PrismaClient } from "@/generated/prisma/client";
import { envValues, loadEnv } from "@/env";

export type Db = PrismaClient;

export function createDb(connectionString: string): Db {
  const timeouts = envValues(["DATABASE_CONNECT_TIMEOUT_MS", "DATABASE_STATEMENT_TIMEOUT_MS"]);
  const adapter = new PrismaPg({
    connectionString,
    options: "-c jit=off",
    max: 10,
    connectionTimeoutMillis: timeouts.DATABASE_CONNECT_TIMEOUT_MS,
    statement_timeout: timeouts.DATABASE_STATEMENT_TIMEOUT_MS,
    // The server enforces statement_timeout, but never hears of a query lost
    // on a silent network; this is the client's own bound, a moment later.
    query_timeout: timeouts.DATABASE_STATEMENT_TIMEOUT_MS + 1000,
  });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { flowpilotDb?: Db };

export function getDb(): Db {
  globalForDb.flowpilotDb ??= createDb(loadEnv().DATABASE_URL);
  return globalForDb.flowpilotDb;
}
