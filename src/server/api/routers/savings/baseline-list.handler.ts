import type { Db } from "@/server/db/client";
import { listTimings } from "@/server/savings/baseline-store";
import { encodeCursor, type TBaselineListOutput, type TimingCursor } from "./baseline-list.types";

export async function baselineList(
  db: Db,
  accountId: string,
  input: { limit: number; cursor?: TimingCursor },
): Promise<TBaselineListOutput> {
  const page = await listTimings(db, accountId, { limit: input.limit, after: input.cursor ?? null });
  return { n_total: page.total, next_cursor: page.next ? encodeCursor(page.next) : null, items: page.rows };
}
