/**
 * The metric's SQL fragments, defined once: which claims a window holds and
 * how long each waited for its first action. The metric, the queue's views,
 * the reports and the bench compose these; see docs/metric.md for the rules.
 *
 * Fragments expect the handoffs under an alias (`h` unless told), e.g.
 *   FROM ${handoffsWithFirstAction} h WHERE ${claimedInWindow(periodWindow(accountId, "30d"))}
 */
import { Prisma } from "@/generated/prisma/client";
import { PERIOD_DAYS, type Period } from "./escalations.types";

/**
 * The handoffs to read whenever first_action_at matters: session_handoffs'
 * columns, with first_action_at recomputed for sessions whose recomputation
 * is still pending (the first_action_pending migration). The stored column
 * alone may lag a step written a moment ago.
 */
export const handoffsWithFirstAction = Prisma.sql`handoff_first_actions`;

/**
 * A window of claims in one account. `start` and `end` are SQL expressions
 * that PostgreSQL evaluates (once per statement: now() is the transaction's
 * time), so a query can both filter on them and report them.
 */
export type ClaimWindow = {
  readonly accountId: string;
  /** Inclusive. */
  readonly start: Prisma.Sql;
  readonly end: Prisma.Sql;
  /** Whether a claim at exactly `end` is inside; false for half-open windows such as the previous period. */
  readonly endInclusive: boolean;
};

export function windowOf({
  accountId,
  start,
  end,
  endInclusive = true,
}: {
  accountId: string;
  start: Prisma.Sql;
  end: Prisma.Sql;
  endInclusive?: boolean;
}): ClaimWindow {
  return { accountId, start, end, endInclusive };
}

/**
 * The last `seconds` before now(), both ends inclusive. Whole seconds, not
 * calendar days, so a DST change in the session's time zone cannot stretch
 * it; a claim dated after now() (a writer's clock running ahead) is outside.
 */
export function trailingWindow(accountId: string, seconds: number): ClaimWindow {
  return windowOf({ accountId, start: Prisma.sql`now() - make_interval(secs => ${seconds})`, end: Prisma.sql`now()` });
}

export function periodWindow(accountId: string, period: Period): ClaimWindow {
  return trailingWindow(accountId, PERIOD_DAYS[period] * 86_400);
}

/** The window of the same length just before `w`: [start − L, start), L = end − start. */
export function previousWindow(w: ClaimWindow): ClaimWindow {
  return windowOf({
    accountId: w.accountId,
    start: Prisma.sql`(${w.start}) - ((${w.end}) - (${w.start}))`,
    end: w.start,
    endInclusive: false,
  });
}

/** Handoffs of the window's account claimed inside it. Tenant scope first. */
export function claimedInWindow(w: ClaimWindow, h = "h"): Prisma.Sql {
  const a = Prisma.raw(h);
  const endOp = Prisma.raw(w.endInclusive ? "<=" : "<");
  return Prisma.sql`
    ${a}.account_id = ${w.accountId}::uuid
    AND ${a}.claimed_at >= ${w.start}
    AND ${a}.claimed_at ${endOp} ${w.end}`;
}

/**
 * Whole microseconds from the claim to its first action, as float8; NULL
 * without an action. float8 rather than numeric because aggregates sort it
 * and numeric arithmetic per row dominated the metric; it is still exact (a
 * whole number rounded from a value whose error is far below half a
 * microsecond for any delta under a century). first_action_at is after the
 * claim by construction; the floor at 0 guards rows written around the
 * triggers (not greatest() alone: it skips NULLs and would turn "no action
 * yet" into 0 s).
 */
export function microsToFirstAction(h = "h"): Prisma.Sql {
  const a = Prisma.raw(h);
  return Prisma.sql`CASE WHEN ${a}.first_action_at IS NOT NULL
    THEN greatest(round(date_part('epoch', ${a}.first_action_at - ${a}.claimed_at) * 1000000), 0) END`;
}

/** Exact seconds from the claim to its first action (numeric, 6 decimals); NULL without an action. */
export function secondsToFirstAction(h = "h"): Prisma.Sql {
  return Prisma.sql`((${microsToFirstAction(h)})::bigint::numeric / 1000000)`;
}

/** Seconds as the contract shows them: rounded half away from zero to 3 decimals, float8 for JSON. */
export function roundedSeconds(seconds: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`round(${seconds}, 3)::float8`;
}

/**
 * The metric's aggregates over a column of `microsToFirstAction` values, as
 * one SELECT list: n_claimed, n_with_action, avg_seconds, median_seconds,
 * p95_seconds (ints and float8s, or NULL seconds without an action). Usable
 * with GROUP BY for buckets and breakdowns.
 *
 * Exact until the final round(numeric, 3): the mean sums the whole
 * microseconds as bigint; percentile_cont returns a whole or half
 * microsecond, so doubling it gives an integer that numeric halves again (a
 * plain float8 → numeric cast keeps only 15 digits). The median interpolates
 * and p95 is nearest rank (docs/metric.md says why); both order by the same
 * column, so PostgreSQL sorts once for both.
 */
export function firstActionStats(deltaUs = "delta_us"): Prisma.Sql {
  const d = Prisma.raw(deltaUs);
  return Prisma.sql`
    count(*)::int AS n_claimed,
    count(${d})::int AS n_with_action,
    round(avg(${d}::bigint) / 1000000, 3)::float8 AS avg_seconds,
    round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${d}) * 2)::bigint::numeric / 2000000, 3)::float8 AS median_seconds,
    round((percentile_disc(0.95) WITHIN GROUP (ORDER BY ${d}))::bigint::numeric / 1000000, 3)::float8 AS p95_seconds`;
}

/** The row `firstActionStats` yields. */
export type FirstActionStatsRow = {
  n_claimed: number;
  n_with_action: number;
  avg_seconds: number | null;
  median_seconds: number | null;
  p95_seconds: number | null;
};
