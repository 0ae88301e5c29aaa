/**
 * Reading and writing baseline timings, always within one account. Every way
 * in (stopwatch, REST, CSV import, CLI) ends in `insertTimings`: one INSERT
 * statement, so a batch is written whole or not at all.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { TBaselineTiming } from "./timing-rules";

export type TimingOwner = { accountId: string; userId: string };

/** Writes the timings (already validated) as the given user; returns how many. */
export async function insertTimings(db: Db, owner: TimingOwner, timings: readonly TBaselineTiming[]): Promise<number> {
  if (timings.length === 0) return 0;
  // unnest keeps the statement one round trip with five parameters however
  // many rows; measured_at goes in as text so its microseconds survive.
  return db.$executeRaw`
    INSERT INTO baseline_timings (account_id, created_by, measured_at, seconds, engineer_name, note)
    SELECT ${owner.accountId}::uuid, ${owner.userId}::uuid, t.measured_at::timestamptz, t.seconds, t.engineer_name, t.note
    FROM unnest(
      ${timings.map((t) => t.measured_at)}::text[],
      ${timings.map((t) => t.seconds.toFixed(3))}::numeric[],
      ${timings.map((t) => t.engineer_name)}::text[],
      ${timings.map((t) => t.note)}::text[]
    ) AS t(measured_at, seconds, engineer_name, note)`;
}

export type TimingRow = {
  id: string;
  measured_at: string;
  seconds: number;
  engineer_name: string | null;
  note: string | null;
  created_by: string;
  created_by_name: string | null;
  created_at: string;
};

export type TimingCursor = { measuredAt: string; id: string };

/** A page of the account's timings, newest measured_at first (then id), and the total. */
export async function listTimings(
  db: Db,
  accountId: string,
  page: { limit: number; after: TimingCursor | null },
): Promise<{ rows: TimingRow[]; total: number; next: TimingCursor | null }> {
  const after = page.after
    ? Prisma.sql`AND (b.measured_at, b.id) < (${page.after.measuredAt}::timestamptz, ${page.after.id}::uuid)`
    : Prisma.empty;
  const rows = await db.$queryRaw<TimingRow[]>`
    SELECT b.id::text AS id,
           to_char(b.measured_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS measured_at,
           b.seconds::float8 AS seconds,
           b.engineer_name, b.note,
           b.created_by::text AS created_by, u.name AS created_by_name,
           to_char(b.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at
    FROM baseline_timings b
    LEFT JOIN users u ON u.id = b.created_by
    WHERE b.account_id = ${accountId}::uuid ${after}
    ORDER BY b.measured_at DESC, b.id DESC
    LIMIT ${page.limit + 1}`;
  const [{ total }] = (await db.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM baseline_timings WHERE account_id = ${accountId}::uuid`) as [{ total: number }];
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const last = shown.at(-1);
  return { rows: shown, total, next: more && last ? { measuredAt: last.measured_at, id: last.id } : null };
}

/** Deletes one timing of the account; false when the account has no such timing. */
export async function deleteTiming(db: Db, accountId: string, id: string): Promise<boolean> {
  const deleted = await db.$executeRaw`
    DELETE FROM baseline_timings WHERE id = ${id}::uuid AND account_id = ${accountId}::uuid`;
  return deleted > 0;
}
