/**
 * The Prisma client, through the `pg` driver adapter (no native engine).
 *
 * One client per process, kept on globalThis so Next's dev reloads do not
 * open a new pool each time. JIT is off for our connections: the metric's
 * aggregate is cheap to run but PostgreSQL's JIT spent about a second
 * compiling it on large accounts.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { loadEnv } from "@/env";

export type Db = PrismaClient;

export function createDb(connectionString: string): Db {
  const adapter = new PrismaPg({ connectionString, options: "-c jit=off", max: 10 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { flowpilotDb?: Db };

export function getDb(): Db {
  globalForDb.flowpilotDb ??= createDb(loadEnv().DATABASE_URL);
  return globalForDb.flowpilotDb;
}
