/**
 * The metric per claiming engineer or per priority. A user's name is read
 * only from the caller's own account: a claimed_by naming another account's
 * user (written by another service) is an "Unknown user", never a leaked name.
 * Labels sort byte-wise (COLLATE "C"), so the order does not depend on the
 * server's locale.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { NO_PRIORITY_LABEL, UNKNOWN_USER_LABEL, type TBreakdownOutput } from "./breakdown.types";
import type { TWindowInput } from "./window.types";
import { deltasInScope, resolveScope, statsColumns, statsFields, windowFields, type StatsRow } from "./window";

type GroupRow = StatsRow & { key_text: string | null; label: string };

export async function escalationsBreakdown(
  db: Db,
  accountId: string,
  input: TWindowInput & { by: "engineer" | "priority" },
): Promise<TBreakdownOutput> {
  const scope = await resolveScope(db, accountId, input);
  // Grouped by the uuid itself: sorting 16-byte values beats sorting their
  // text under a collation, and is most of a breakdown's cost at scale.
  const groupKey = input.by === "engineer" ? Prisma.sql`h.claimed_by` : Prisma.sql`h.priority`;
  const label =
    input.by === "engineer"
      ? Prisma.sql`coalesce((SELECT u.name FROM users u WHERE u.id = g.key AND u.account_id = ${accountId}::uuid), ${UNKNOWN_USER_LABEL})`
      : Prisma.sql`coalesce(g.key, ${NO_PRIORITY_LABEL})`;
  const rows = await db.$queryRaw<GroupRow[]>`
    SELECT * FROM (
      SELECT g.*, g.key::text AS key_text, ${label} AS label
        FROM (SELECT group_key AS key, ${statsColumns(scope.targetSeconds)}
                FROM ${deltasInScope(scope, Prisma.sql`, ${groupKey} AS group_key`)}
               GROUP BY group_key) g
    ) labelled
     ORDER BY n_claimed DESC, label COLLATE "C", key_text COLLATE "C" NULLS LAST`;
  return {
    period: scope.window.period,
    ...windowFields(scope.window),
    by: input.by,
    target_seconds: scope.targetSeconds,
    groups: rows.map((r) => ({ key: r.key_text, label: r.label, ...statsFields(r) })),
  };
}
