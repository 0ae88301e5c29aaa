import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { METRIC_DEFINITION, type TEscalationsResponse } from "./escalations.types";
import { previousWindow } from "./escalations.sql";
import type { TWindowInput } from "./window.types";
import {
  deltasInScope, microsToResponseIso, resolveScope, statsColumns, statsFields, type ReportScope, type StatsRow,
} from "./window";

type Row = StatsRow & { start_us: string; end_us: string };

const micros = (t: Prisma.Sql) => Prisma.sql`(extract(epoch FROM ${t}) * 1000000)::bigint::text`;

/**
 * The metric's numbers for one window (docs/metric.md): one aggregate row
 * computed in PostgreSQL. It reads first_action_at, which triggers keep equal
 * to the definition, so the window is one index range scan of
 * session_handoffs(account_id, claimed_at).
 */
export async function windowStats(db: Db, scope: Pick<ReportScope, "claims" | "filters" | "targetSeconds">) {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT ${micros(scope.claims.start)} AS start_us, ${micros(scope.claims.end)} AS end_us, ${statsColumns(scope.targetSeconds)}
      FROM ${deltasInScope(scope)}`;
  if (!row) throw new Error("aggregate returned no row");
  return {
    window_start: microsToResponseIso(BigInt(row.start_us)),
    window_end: microsToResponseIso(BigInt(row.end_us)),
    ...statsFields(row),
    target_seconds: scope.targetSeconds,
  };
}

/** The metric over any window, with the account's target and, on request, the window just before. */
export async function escalationsMetric(
  db: Db,
  accountId: string,
  input: TWindowInput & { compare?: "previous" },
): Promise<TEscalationsResponse> {
  const scope = await resolveScope(db, accountId, input);
  const [current, previous] = await Promise.all([
    windowStats(db, scope),
    input.compare === "previous" ? windowStats(db, { ...scope, claims: previousWindow(scope.claims) }) : undefined,
  ]);
  return {
    period: scope.window.period,
    window_start: current.window_start,
    window_end: current.window_end,
    n_handoffs_claimed: current.n_handoffs_claimed,
    n_handoffs_with_action: current.n_handoffs_with_action,
    avg_seconds_to_first_action: current.avg_seconds_to_first_action,
    median_seconds_to_first_action: current.median_seconds_to_first_action,
    p95_seconds_to_first_action: current.p95_seconds_to_first_action,
    metric_definition: METRIC_DEFINITION,
    target_seconds: scope.targetSeconds,
    n_within_target: current.n_within_target,
    ...(previous ? { previous } : {}),
  };
}
