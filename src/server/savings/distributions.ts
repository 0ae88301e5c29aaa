/**
 * The shape of both distributions for the chart: each side's percentiles
 * 0, 1, …, 100 by nearest rank (percentile_disc), computed in PostgreSQL, so
 * the page draws 101 observed values per side instead of shipping every
 * timing and delta to the browser.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { deltasInScope, resolveScope } from "@/server/api/routers/analytics/window";
import type { TWindowInput } from "@/server/api/routers/analytics/window.types";

const PERCENTS = Array.from({ length: 101 }, (_, i) => i / 100);

export type Distributions = { baseline: number[]; in_product: number[] };

export async function savingsDistributions(db: Db, accountId: string, input: TWindowInput): Promise<Distributions> {
  const scope = await resolveScope(db, accountId, input);
  const [row] = await db.$queryRaw<{ baseline: number[] | null; in_product: number[] | null }[]>(Prisma.sql`
    SELECT
      (SELECT percentile_disc(${PERCENTS}::float8[]) WITHIN GROUP (ORDER BY seconds)::float8[]
         FROM baseline_timings WHERE account_id = ${accountId}::uuid) AS baseline,
      (SELECT percentile_disc(${PERCENTS}::float8[]) WITHIN GROUP (ORDER BY delta_us / 1000000)
         FROM ${deltasInScope(scope)} WHERE delta_us IS NOT NULL) AS in_product`);
  return { baseline: row?.baseline ?? [], in_product: row?.in_product ?? [] };
}
