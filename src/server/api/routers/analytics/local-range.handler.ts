/**
 * Two local dates → the report's window. The calendar is PostgreSQL's, as
 * for the series buckets: `(date::timestamp) AT TIME ZONE tz` is the local
 * midnight, so a range across a daylight-saving change is 23 or 25 hours
 * off a multiple of a day without offset arithmetic here.
 *
 * The window runs from the first day's midnight to the midnight after the
 * last day (a window ending exactly at a local midnight has no empty bucket
 * after it), or to now() when the last day is today, since `to` may not be
 * later than now.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { invalidInput } from "@/server/api/invalid-input";
import { LOCAL_RANGE_RULES, type TLocalRangeOutput } from "./local-range.types";
import { microsToIso } from "./window";
import { MAX_WINDOW_DAYS, US_PER_DAY } from "./window.types";

type Row = { time_zone: string; start_us: string; end_us: string; now_us: string; today: string };

export async function localRange(db: Db, accountId: string, input: { from: string; to: string }): Promise<TLocalRangeOutput> {
  const us = (t: Prisma.Sql) => Prisma.sql`(extract(epoch FROM ${t}) * 1000000)::bigint::text`;
  const [row] = await db.$queryRaw<Row[]>`
    SELECT a.time_zone,
           ${us(Prisma.sql`(${input.from}::date)::timestamp AT TIME ZONE a.time_zone`)} AS start_us,
           ${us(Prisma.sql`(${input.to}::date + 1)::timestamp AT TIME ZONE a.time_zone`)} AS end_us,
           ${us(Prisma.sql`now()`)} AS now_us,
           to_char((now() AT TIME ZONE a.time_zone)::date, 'YYYY-MM-DD') AS today
      FROM accounts a WHERE a.id = ${accountId}::uuid`;
  if (!row) throw new Error("caller's account not found");
  if (input.to > row.today) throw invalidInput("to", LOCAL_RANGE_RULES.notInFuture);
  const startUs = BigInt(row.start_us);
  const endUs = BigInt(row.end_us) < BigInt(row.now_us) ? BigInt(row.end_us) : BigInt(row.now_us);
  if (endUs - startUs > BigInt(MAX_WINDOW_DAYS) * US_PER_DAY) throw invalidInput("to", LOCAL_RANGE_RULES.maxLength);
  return { from: microsToIso(startUs), to: microsToIso(endUs), time_zone: row.time_zone };
}
