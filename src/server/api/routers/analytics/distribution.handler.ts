/** Counts of deltas in the fixed bands: one aggregate row, one FILTER per band. */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { BANDS, type TDistributionOutput } from "./distribution.types";
import type { TWindowInput } from "./window.types";
import { deltasInScope, resolveScope, windowFields } from "./window";

/** `delta_us` in [min_seconds, max_seconds): the band rule, shared with the drill-down's filter. */
export function deltaInBand(minSeconds: number | undefined, maxSeconds: number | null | undefined): Prisma.Sql {
  const us = (s: number) => Prisma.sql`(${String(s)}::numeric * 1000000)`;
  const lower = minSeconds === undefined ? Prisma.sql`delta_us IS NOT NULL` : Prisma.sql`delta_us >= ${us(minSeconds)}`;
  return maxSeconds == null ? lower : Prisma.sql`${lower} AND delta_us < ${us(maxSeconds)}`;
}

export async function escalationsDistribution(db: Db, accountId: string, input: TWindowInput): Promise<TDistributionOutput> {
  const scope = await resolveScope(db, accountId, input);
  const [row] = await db.$queryRaw<Record<string, number>[]>`
    SELECT count(delta_us)::int AS with_action,
           (count(*) - count(delta_us))::int AS without_action,
           ${Prisma.join(
             BANDS.map((b, i) => Prisma.sql`(count(*) FILTER (WHERE ${deltaInBand(b.min_seconds, b.max_seconds)}))::int AS ${Prisma.raw(`band_${i}`)}`),
           )}
      FROM ${deltasInScope(scope)}`;
  if (!row) throw new Error("aggregate returned no row");
  return {
    period: scope.window.period,
    ...windowFields(scope.window),
    target_seconds: scope.targetSeconds,
    n_handoffs_with_action: row.with_action!,
    n_handoffs_without_action: row.without_action!,
    bands: BANDS.map((b, i) => ({ ...b, count: row[`band_${i}`]! })),
  };
}
