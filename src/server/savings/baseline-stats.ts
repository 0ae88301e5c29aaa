/**
 * The baseline side of the comparison, computed in PostgreSQL with the same
 * statistics as the metric (escalations-metric.md): mean, interpolated
 * median, nearest-rank p95, each rounded half away from zero to 3 decimals
 * by round(numeric, 3). The baseline is every timing of the account.
 *
 * seconds has at most 3 decimals, so it is a whole number of milliseconds:
 * the median goes through percentile_cont (float8 only) on those integers,
 * where a whole or half millisecond is exact, and numeric halves it again.
 * Mean and p95 stay in numeric throughout.
 */
import type { Db } from "@/server/db/client";

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

type Row = {
  n: number;
  avg_seconds: number | null;
  median_seconds: number | null;
  p95_seconds: number | null;
  measured_from: Date | null;
  measured_to: Date | null;
  values: number[] | null;
};

export async function baselineSide(db: Sql, accountId: string): Promise<BaselineSide> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT
      count(*)::int AS n,
      round(avg(seconds), 3)::float8 AS avg_seconds,
      round((percentile_cont(0.5) WITHIN GROUP (ORDER BY (seconds * 1000)::bigint) * 2)::bigint::numeric / 2000, 3)::float8
        AS median_seconds,
      round(percentile_disc(0.95) WITHIN GROUP (ORDER BY seconds), 3)::float8 AS p95_seconds,
      min(measured_at) AS measured_from,
      max(measured_at) AS measured_to,
      array_agg(seconds::float8 ORDER BY seconds) AS values
    FROM baseline_timings
    WHERE account_id = ${accountId}::uuid`;
  if (!row) throw new Error("aggregate returned no row");
  return {
    n: row.n,
    avg_seconds: row.avg_seconds,
    median_seconds: row.median_seconds,
    p95_seconds: row.p95_seconds,
    measured_from: row.measured_from?.toISOString() ?? null,
    measured_to: row.measured_to?.toISOString() ?? null,
    values: row.values ?? [],
  };
}
