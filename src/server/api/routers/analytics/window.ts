/**
 * The window every escalations endpoint reads, resolved once per request,
 * and the SQL fragments all of them are built from.
 *
 * A window is two exact instants in microseconds (timestamptz's precision):
 * `period` ends at the database's now(), a custom window at `to`. Queries get
 * them as explicit bounds, so a response, its `previous` window, the series
 * buckets and the CSV all cut the data at the same microsecond.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { invalidInput } from "@/server/api/invalid-input";
import { isKnownTimeZone } from "@/server/db/time-zones";
import { statementsOn, type ReadStatements } from "@/server/db/statements";
import { DEFAULT_PERIOD, type Period } from "./period.types";
import {
  claimedInWindow, firstActionStats, handoffsWithFirstAction, microsToFirstAction, periodWindow, windowOf,
  type ClaimWindow, type FirstActionStatsRow,
} from "./escalations.sql";
import { isoToMicros, WINDOW_RULES, type TWindowInput } from "./window.types";

/** The request's window: what was asked for, and the metric's ClaimWindow over explicit instants. */
export type ResolvedWindow = {
  period: Period | "custom";
  startUs: bigint;
  endUs: bigint;
  claims: ClaimWindow;
};

export type HandoffFilters = { engineer?: string; priority?: string };

/** What a request needs besides its input: the window, the account's target and time zone. */
export type ReportScope = {
  accountId: string;
  window: ResolvedWindow;
  /** = window.claims; the metric's fragments take it */
  claims: ClaimWindow;
  filters: HandoffFilters;
  targetSeconds: number | null;
  /** `tz` if given (checked), else the account's zone */
  timeZone: string;
};

/** µs since the epoch → ISO 8601 UTC with all six fractional digits (what PostgreSQL stores). */
export function microsToIso(us: bigint): string {
  const ms = us / 1000n - (us % 1000n < 0n ? 1n : 0n);
  const micro = (us - ms * 1000n).toString().padStart(3, "0");
  return new Date(Number(ms)).toISOString().replace("Z", `${micro}Z`);
}

/** µs → the ISO form responses use for window bounds (to the millisecond, as the metric always has). */
export function microsToResponseIso(us: bigint): string {
  const ms = us / 1000n - (us % 1000n < 0n ? 1n : 0n);
  return new Date(Number(ms)).toISOString();
}

/** An instant as a SQL timestamptz, exact to the microsecond. */
export const instant = (us: bigint) => Prisma.sql`${microsToIso(us)}::timestamptz`;

/** An instant as µs since the epoch, exact, as text (bigint does not fit a JS number). */
export const microsOf = (t: Prisma.Sql) => Prisma.sql`(extract(epoch FROM ${t}) * 1000000)::bigint::text`;

/**
 * The window a request asks for, as SQL: a period ends at the statement's
 * now() (the transaction's, so every statement of a request agrees) and
 * lasts whole days of seconds, not calendar days, so a DST change cannot
 * stretch it; a custom window keeps the microseconds sent.
 */
function requestedWindow(accountId: string, input: TWindowInput): { period: Period | "custom"; claims: ClaimWindow } {
  if (input.from !== undefined && input.to !== undefined) {
    return { period: "custom", claims: windowOf({ accountId, start: instant(isoToMicros(input.from)), end: instant(isoToMicros(input.to)) }) };
  }
  const period = input.period ?? DEFAULT_PERIOD;
  return { period, claims: periodWindow(accountId, period) };
}

/** Whether the window ends after now(): a custom `to` in the future, which the caller refuses (refuseEndAfterNow). */
export function windowEndAfterNow(claims: ClaimWindow): Prisma.Sql {
  return Prisma.sql`(${claims.end}) > now()`;
}

/** Refuses a custom window whose `to` is later than now (422). */
export function refuseEndAfterNow(endAfterNow: boolean): void {
  if (endAfterNow) throw invalidInput("to", WINDOW_RULES.notInFuture);
}

/** `tz`, when given, must be one of PostgreSQL's zone names (422). */
async function checkTimeZone(read: ReadStatements, input: TWindowInput): Promise<void> {
  if (input.tz !== undefined && !(await isKnownTimeZone(read, input.tz))) throw invalidInput("tz", WINDOW_RULES.timeZone);
}

const filtersOf = (input: TWindowInput): HandoffFilters => ({ engineer: input.engineer?.toLowerCase(), priority: input.priority });

/**
 * The request's window and account settings, in one round trip: the window
 * pinned to two exact instants. Rules that need the database are checked
 * here (422): `to` not later than now(), and `tz` one of PostgreSQL's zone
 * names.
 */
export async function resolveScope(db: Db, accountId: string, input: TWindowInput): Promise<ReportScope> {
  const { period, claims } = requestedWindow(accountId, input);
  const [row] = await db.$queryRaw<{ start_us: string; end_us: string; end_after_now: boolean; time_zone: string; target: number | null }[]>`
    SELECT ${microsOf(claims.start)} AS start_us, ${microsOf(claims.end)} AS end_us, ${windowEndAfterNow(claims)} AS end_after_now,
           a.time_zone, a.first_action_target_seconds AS target
      FROM accounts a WHERE a.id = ${accountId}::uuid`;
  if (!row) throw new Error("caller's account not found");
  refuseEndAfterNow(row.end_after_now);
  const startUs = BigInt(row.start_us);
  const endUs = BigInt(row.end_us);
  // Explicit instants rather than now() in each statement: the request's
  // queries (a page and its count, the CSV's batches) all see one window.
  const window = { period, startUs, endUs, claims: windowOf({ accountId, start: instant(startUs), end: instant(endUs) }) };
  await checkTimeZone(statementsOn(db), input);

  return {
    accountId,
    window,
    claims: window.claims,
    filters: filtersOf(input),
    targetSeconds: row.target,
    timeZone: input.tz ?? row.time_zone,
  };
}

/**
 * The window for a request that reads in one statement per window (the
 * metric), resolved inside that statement instead of by a round trip of its
 * own: the same window as resolveScope's (requestedWindow), left to the
 * statement's now(), with the target read beside the aggregate. The
 * statement reports windowEndAfterNow for the caller to refuse.
 */
export async function statementScope(read: ReadStatements, accountId: string, input: TWindowInput) {
  await checkTimeZone(read, input);
  return { ...requestedWindow(accountId, input), filters: filtersOf(input), target: accountTarget(accountId) };
}

/** The account's first-action target (seconds or NULL), read inside the statement that uses it. */
const accountTarget = (accountId: string) =>
  Prisma.sql`(SELECT a.first_action_target_seconds FROM accounts a WHERE a.id = ${accountId}::uuid)`;

/**
 * The handoffs in scope: the metric's claim window (account first, in the
 * shape of the (account_id, claimed_at) index) narrowed by the filters.
 */
export function handoffsInScope(scope: Pick<ReportScope, "claims" | "filters">): Prisma.Sql {
  const { claims, filters } = scope;
  return Prisma.sql`
    ${claimedInWindow(claims)}
    ${filters.engineer === undefined ? Prisma.empty : Prisma.sql`AND h.claimed_by = ${filters.engineer}::uuid`}
    ${filters.priority === undefined ? Prisma.empty : Prisma.sql`AND h.priority = ${filters.priority}`}`;
}

/**
 * The metric's statistics (firstActionStats) plus the target's count, over a
 * `deltas` relation with a `delta_us` column, as one select list (the target
 * in seconds, or as an expression such as statementScope's):
 * /escalations, every series bucket and every breakdown group use it.
 */
export function statsColumns(target: number | null | Prisma.Sql): Prisma.Sql {
  const t = target === null ? Prisma.sql`NULL::int` : typeof target === "number" ? Prisma.sql`${target}::int` : target;
  return Prisma.sql`${firstActionStats()}, CASE WHEN (${t}) IS NULL THEN NULL
    ELSE (count(*) FILTER (WHERE delta_us <= (${t})::bigint * 1000000))::int END AS n_within_target`;
}

/** A row of statsColumns. */
export type StatsRow = FirstActionStatsRow & { n_within_target: number | null };

/**
 * The deltas of the handoffs in scope, with any extra columns the caller
 * groups by. OFFSET 0 keeps the subquery from being flattened into the
 * aggregates, which would evaluate the delta expression once per aggregate.
 */
export function deltasInScope(scope: Pick<ReportScope, "claims" | "filters">, extra = Prisma.empty): Prisma.Sql {
  return Prisma.sql`(
    SELECT ${microsToFirstAction()} AS delta_us ${extra}
      FROM ${handoffsWithFirstAction} h
     WHERE ${handoffsInScope(scope)}
    OFFSET 0) deltas`;
}

/** The counts and seconds fields shared by /escalations, series buckets and breakdown groups. */
export function statsFields(row: StatsRow) {
  return {
    n_handoffs_claimed: row.n_claimed,
    n_handoffs_with_action: row.n_with_action,
    n_within_target: row.n_within_target,
    avg_seconds_to_first_action: row.avg_seconds,
    median_seconds_to_first_action: row.median_seconds,
    p95_seconds_to_first_action: row.p95_seconds,
  };
}

export function windowFields(w: Pick<ResolvedWindow, "startUs" | "endUs">) {
  return { window_start: microsToResponseIso(w.startUs), window_end: microsToResponseIso(w.endUs) };
}
