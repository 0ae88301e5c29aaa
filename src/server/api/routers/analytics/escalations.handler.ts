import { Prisma } from "@/generated/prisma/client";
import type { ReadStatements } from "@/server/db/statements";
import { METRIC_DEFINITION, type TEscalationsResponse } from "./escalations.types";
import { previousWindow, type ClaimWindow } from "./escalations.sql";
import type { TWindowInput } from "./window.types";
import {
  deltasInScope, microsOf, microsToResponseIso, refuseEndAfterNow, statementScope, statsColumns, statsFields, windowEndAfterNow,
  type HandoffFilters, type StatsRow,
} from "./window";

type Row = StatsRow & { start_us: string; end_us: string; target_seconds: number | null; end_after_now: boolean };

/**
 * The metric's numbers for one window (docs/metric.md): one aggregate row
 * computed in PostgreSQL, with the window's bounds and the account's target
 * read in the same statement. It reads first_action_at, which triggers keep
 * equal to the definition, so the window is one index range scan of
 * session_handoffs(account_id, claimed_at).
 */
function windowStatsStatement(claims: ClaimWindow, filters: HandoffFilters, target: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT ${microsOf(claims.start)} AS start_us, ${microsOf(claims.end)} AS end_us, ${windowEndAfterNow(claims)} AS end_after_now,
           ${target} AS target_seconds, ${statsColumns(target)}
      FROM ${deltasInScope({ claims, filters })}`;
}

function windowStats(row: Row | undefined) {
  if (!row) throw new Error("aggregate returned no row");
  return {
    window_start: microsToResponseIso(BigInt(row.start_us)),
    window_end: microsToResponseIso(BigInt(row.end_us)),
    ...statsFields(row),
    target_seconds: row.target_seconds,
  };
}

/**
 * The metric over any window, with the account's target and, on request, the
 * window just before: one statement per window, sent together (`read`, see
 * db/statements.ts), so a stat card costs one flight to the database.
 */
export async function escalationsMetric(
  read: ReadStatements,
  accountId: string,
  input: TWindowInput & { compare?: "previous" },
): Promise<TEscalationsResponse> {
  const { period, claims, filters, target } = await statementScope(read, accountId, input);
  const windows = input.compare === "previous" ? [claims, previousWindow(claims)] : [claims];
  const [rows, previousRows] = await read<Row>(windows.map((w) => windowStatsStatement(w, filters, target)));
  refuseEndAfterNow(rows?.[0]?.end_after_now === true);
  const current = windowStats(rows?.[0]);
  const previous = previousRows ? windowStats(previousRows[0]) : undefined;
  return {
    period,
    window_start: current.window_start,
    window_end: current.window_end,
    n_handoffs_claimed: current.n_handoffs_claimed,
    n_handoffs_with_action: current.n_handoffs_with_action,
    avg_seconds_to_first_action: current.avg_seconds_to_first_action,
    median_seconds_to_first_action: current.median_seconds_to_first_action,
    p95_seconds_to_first_action: current.p95_seconds_to_first_action,
    metric_definition: METRIC_DEFINITION,
    target_seconds: current.target_seconds,
    n_within_target: current.n_within_target,
    ...(previous ? { previous } : {}),
  };
}
