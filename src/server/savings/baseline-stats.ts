/**
 * The baseline side of the comparison, computed in PostgreSQL with the
 * metric's own aggregates (firstActionStats: mean, interpolated median,
 * nearest-rank p95, round half away from zero to 3 decimals) over every
 * timing of the account. seconds has at most 3 decimals, so it is a whole
 * number of microseconds, which is what those aggregates expect.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { firstActionStats, type FirstActionStatsRow } from "@/server/api/routers/analytics/escalations.sql";

type Sql = Pick<Db, "$queryRaw">;

export type BaselineSide = {
  n: number;
  avg_seconds: number | null;
  median_seconds: number | null;
  p95_seconds: number | null;
  measured_from: string | null;
  measured_to: string | null;
  /** Every timing's seconds, ascending: the order the bootstrap resamples from. */
  values: number[];
};

type Row = FirstActionStatsRow & { measured_from: Date | null; measured_to: Date | null; values: number[] | null };

export async function baselineSide(db: Sql, accountId: string): Promise<BaselineSide> {
  const [row] = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT ${firstActionStats("us")},
           min(measured_at) AS measured_from,
           max(measured_at) AS measured_to,
           array_agg(seconds::float8 ORDER BY seconds) AS values
    FROM (
      SELECT (seconds * 1000000)::bigint AS us, seconds, measured_at
      FROM baseline_timings
      WHERE account_id = ${accountId}::uuid
    ) b`);
  if (!row) throw new Error("aggregate returned no row");
  return {
    n: row.n_with_action,
    avg_seconds: row.avg_seconds,
    median_seconds: row.median_seconds,
    p95_seconds: row.p95_seconds,
    measured_from: row.measured_from?.toISOString() ?? null,
    measured_to: row.measured_to?.toISOString() ?? null,
    values: row.values ?? [],
  };
}
