/**
 * The claimed handoffs behind the numbers, newest claim first.
 *
 * Keyset paging on (claimed_at desc, id desc): a page starts strictly after
 * the last row of the previous one, so every page is a short index range
 * scan, however deep, and rows written meanwhile never shift a page. The
 * cursor is that row's (claimed_at to the microsecond, id), base64url
 * encoded; it is opaque to clients and checked strictly when it comes back.
 *
 * Timestamps are formatted by PostgreSQL with all six fractional digits (a
 * JS Date would stop at milliseconds), and the delta is exact microseconds
 * divided by 10^6.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { PG_UUID_SOURCE } from "@/server/db/uuid";
import { invalidInput } from "@/server/api/invalid-input";
import { deltaInBand } from "./distribution.handler";
import {
  HANDOFF_RULES, HANDOFFS_DEFAULT_LIMIT, type THandoffItem, type THandoffsOutput,
} from "./handoffs.types";
import type { TWindowInput } from "./window.types";
import { handoffsWithFirstAction, microsToFirstAction, secondsToFirstAction } from "./escalations.sql";
import { handoffsInScope, resolveScope, windowFields, type ReportScope } from "./window";

export type DrillDownFilters = { action?: "with" | "without"; min_seconds?: number; max_seconds?: number };
type Position = { claimedAt: string; id: string };

const CURSOR_PATTERN = new RegExp(`^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z)\\|(${PG_UUID_SOURCE})$`);

export function encodeCursor(p: Position): string {
  return Buffer.from(`${p.claimedAt}|${p.id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): Position {
  const match = /^[A-Za-z0-9_-]+$/.test(cursor) ? CURSOR_PATTERN.exec(Buffer.from(cursor, "base64url").toString("utf8")) : null;
  if (!match || Number.isNaN(Date.parse(match[1]!))) throw invalidInput("cursor", HANDOFF_RULES.cursor);
  return { claimedAt: match[1]!, id: match[2]! };
}

const iso6 = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function drillDownFilter(f: DrillDownFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.action === "with") parts.push(Prisma.sql`delta_us IS NOT NULL`);
  if (f.action === "without") parts.push(Prisma.sql`delta_us IS NULL`);
  if (f.min_seconds !== undefined || f.max_seconds !== undefined) parts.push(deltaInBand(f.min_seconds, f.max_seconds));
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** The rows in scope with their deltas, optionally only those after `after` in the page order. */
function rowsInScope(scope: ReportScope, after?: Position): Prisma.Sql {
  const keyset = after
    ? Prisma.sql`AND h.claimed_at <= ${after.claimedAt}::timestamptz
                 AND (h.claimed_at < ${after.claimedAt}::timestamptz OR h.id < ${after.id}::uuid)`
    : Prisma.empty;
  return Prisma.sql`(
    SELECT h.id, h.session_id, h.priority, h.claimed_by, h.claimed_at, h.first_action_at,
           ${microsToFirstAction()} AS delta_us, ${secondsToFirstAction()} AS seconds
      FROM ${handoffsWithFirstAction} h
     WHERE ${handoffsInScope(scope)} ${keyset}) d`;
}

/** One page of rows in the drill-down's order; also what the CSV streams, page after page. */
export async function handoffRows(
  db: Db, scope: ReportScope, filters: DrillDownFilters, page: { after?: Position; limit: number },
): Promise<THandoffItem[]> {
  return db.$queryRaw<THandoffItem[]>`
    SELECT d.id::text AS handoff_id, d.session_id::text AS session_id, d.priority, d.claimed_by::text AS claimed_by,
           u.name AS claimed_by_name,
           ${iso6(Prisma.sql`d.claimed_at`)} AS claimed_at, ${iso6(Prisma.sql`d.first_action_at`)} AS first_action_at,
           d.seconds::float8 AS seconds_to_first_action
      FROM ${rowsInScope(scope, page.after)}
      LEFT JOIN users u ON u.id = d.claimed_by AND u.account_id = ${scope.accountId}::uuid
     WHERE ${drillDownFilter(filters)}
     ORDER BY d.claimed_at DESC, d.id DESC
     LIMIT ${page.limit}`;
}

export const lastPosition = (items: THandoffItem[]): Position | undefined => {
  const last = items.at(-1);
  return last ? { claimedAt: last.claimed_at, id: last.handoff_id } : undefined;
};

export async function escalationsHandoffs(
  db: Db,
  accountId: string,
  input: TWindowInput & DrillDownFilters & { limit?: number; cursor?: string },
): Promise<THandoffsOutput> {
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
  const scope = await resolveScope(db, accountId, input);
  const limit = input.limit ?? HANDOFFS_DEFAULT_LIMIT;
  const [rows, [total]] = await Promise.all([
    // One row more than asked tells whether another page exists.
    handoffRows(db, scope, input, { after, limit: limit + 1 }),
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${rowsInScope(scope)} WHERE ${drillDownFilter(input)}`,
  ]);
  const items = rows.slice(0, limit);
  const next = rows.length > limit ? lastPosition(items) : undefined;
  return {
    period: scope.window.period,
    ...windowFields(scope.window),
    n_total: total!.n,
    next_cursor: next ? encodeCursor(next) : null,
    items,
  };
}
