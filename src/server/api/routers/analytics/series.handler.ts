/**
 * The metric per calendar day or ISO week in a time zone, clipped to the
 * window. The calendar is PostgreSQL's: local dates come from
 * `AT TIME ZONE tz`, and a local midnight becomes an instant with
 * `(date::timestamp) AT TIME ZONE tz`, so a bucket across a DST change is 23
 * or 25 hours long without any offset arithmetic here.
 *
 * A handoff's bucket is the local date (or ISO week) of its claim. The last
 * bucket is closed at window_end; a claim exactly at window_end therefore
 * belongs to it even when window_end is a local midnight, which is why the
 * key is taken from `least(claimed_at, window_end − 1 µs)`: that instant
 * lies inside the last bucket, and every earlier claim keeps its own date.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { TSeriesOutput } from "./series.types";
import type { TWindowInput } from "./window.types";
import {
  deltasInScope, instant, microsToResponseIso, resolveScope, statsColumns, statsFields, windowFields, type StatsRow,
} from "./window";

type BucketRow = StatsRow & { label: string; start_us: string; end_us: string };

export async function escalationsSeries(
  db: Db,
  accountId: string,
  input: TWindowInput & { bucket?: "day" | "week" },
): Promise<TSeriesOutput> {
  const scope = await resolveScope(db, accountId, input);
  const bucket = input.bucket ?? "day";
  const { window: w, timeZone: tz } = scope;
  const unit = bucket === "day" ? Prisma.sql`'day'` : Prisma.sql`'week'`;
  const step = bucket === "day" ? Prisma.sql`interval '1 day'` : Prisma.sql`interval '7 days'`;
  const lastInstant = Prisma.sql`(${instant(w.endUs)} - interval '1 microsecond')`;
  const usOf = (t: Prisma.Sql) => Prisma.sql`(extract(epoch FROM ${t}) * 1000000)::bigint::text`;

  const rows = await db.$queryRaw<BucketRow[]>`
    WITH calendar AS MATERIALIZED (
      SELECT local_start::date AS local_date,
             greatest(local_start AT TIME ZONE ${tz}, ${instant(w.startUs)}) AS bucket_start,
             least((local_start + ${step}) AT TIME ZONE ${tz}, ${instant(w.endUs)}) AS bucket_end
        FROM generate_series(
               date_trunc(${unit}, ${instant(w.startUs)} AT TIME ZONE ${tz}),
               date_trunc(${unit}, ${lastInstant} AT TIME ZONE ${tz}),
               ${step}) AS local_start
    ),
    per_bucket AS MATERIALIZED (
      SELECT local_date, ${statsColumns(scope.targetSeconds)}
        FROM ${deltasInScope(scope, Prisma.sql`,
               date_trunc(${unit}, least(h.claimed_at, ${lastInstant}) AT TIME ZONE ${tz})::date AS local_date`)}
       GROUP BY local_date
    )
    SELECT to_char(c.local_date, 'YYYY-MM-DD') AS label,
           ${usOf(Prisma.sql`c.bucket_start`)} AS start_us, ${usOf(Prisma.sql`c.bucket_end`)} AS end_us,
           coalesce(b.n_claimed, 0) AS n_claimed, coalesce(b.n_with_action, 0) AS n_with_action,
           CASE WHEN ${scope.targetSeconds}::int IS NULL THEN NULL ELSE coalesce(b.n_within_target, 0) END AS n_within_target,
           b.avg_seconds, b.median_seconds, b.p95_seconds
      FROM calendar c LEFT JOIN per_bucket b USING (local_date)
     ORDER BY c.local_date`;

  return {
    period: w.period,
    ...windowFields(w),
    bucket,
    time_zone: tz,
    target_seconds: scope.targetSeconds,
    buckets: rows.map((r) => ({
      label: r.label,
      start: microsToResponseIso(BigInt(r.start_us)),
      end: microsToResponseIso(BigInt(r.end_us)),
      ...statsFields(r),
    })),
  };
}
