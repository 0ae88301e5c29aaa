/**
 * Time for fixtures. Rows carry microseconds (timestamptz's own precision; a
 * JS Date stops at milliseconds) as bigint µs since the epoch.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { usToIso } from "../escalations-reference";

export type Tx = Prisma.TransactionClient;

/** A µs instant as a SQL timestamptz literal, all six fractional digits kept. */
export const sqlInstant = (us: bigint) => Prisma.sql`${usToIso(us)}::timestamptz`;

/** A Date as µs since the epoch. */
export const toUs = (t: Date): bigint => BigInt(t.getTime()) * 1000n;

/**
 * Runs `fn` in one transaction: now() is the transaction's start, the same
 * value for the inserts, the reference (nowUs) and the metric's query.
 */
export async function atFixedNow<T>(db: Db, fn: (tx: Tx, nowUs: bigint) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ now_us: bigint }[]>`
        SELECT (extract(epoch FROM now()) * 1000000)::bigint AS now_us`;
      return fn(tx, BigInt(row!.now_us));
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** The database's clock, so tests place rows relative to the same now() the SQL uses. */
export async function dbNow(db: Db): Promise<Date> {
  const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return row!.now;
}

export const secondsInMs = (n: number) => n * 1000;
export const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);
export const after = (t: Date, ms: number) => new Date(t.getTime() + ms);
