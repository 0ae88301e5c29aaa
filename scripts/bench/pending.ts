/**
 * What pending first_action_at recomputations cost readers: the metric
 * through the production path while N sessions of the measured account are
 * queued in first_action_pending (as if N step writes had committed since
 * the last fold). The queued sessions are the account's latest claims, all
 * inside the window, so every one of them is recomputed at query time. The
 * stored values are already exact, so the rows are simply deleted afterwards.
 */
import type pg from "pg";
import { measure, type Timing } from "./read-path";

export type PendingCost = { pendingSessions: number; timing: Timing };

export async function measurePendingCost(
  client: pg.Client,
  accountId: string,
  read: () => Promise<unknown>,
  o: { warmup: number; runs: number },
  counts = [0, 100, 1_000],
): Promise<PendingCost[]> {
  const results: PendingCost[] = [];
  try {
    for (const n of counts) {
      await client.query(`DELETE FROM first_action_pending`);
      await client.query(
        `INSERT INTO first_action_pending (session_id)
         SELECT session_id FROM session_handoffs WHERE account_id = $1 AND claimed_at <= now() ORDER BY claimed_at DESC LIMIT $2`,
        [accountId, n],
      );
      await client.query(`ANALYZE first_action_pending`);
      results.push({ pendingSessions: n, timing: (await measure(read, o.warmup, o.runs)).timing });
    }
  } finally {
    await client.query(`DELETE FROM first_action_pending`);
    await client.query(`VACUUM (ANALYZE) first_action_pending`);
  }
  return results;
}
