/**
 * What the maintained first_action_at costs writers: step inserts per second
 * with the triggers and with them disabled, on the benchmark's own full-size
 * tables. Each attempt runs in a transaction that is rolled back (the
 * triggers are disabled inside it), so the data set is left as it was.
 * Commit costs are excluded; they are the same with and without the triggers.
 */
import type pg from "pg";
import { timing, type Timing } from "./read-path";

export type WriteCost = {
  shape: string;
  rows: number;
  withTrigger: Timing;
  withoutTrigger: Timing;
  rowsPerSecondWith: number;
  rowsPerSecondWithout: number;
};

async function attempt(client: pg.Client, trigger: boolean, body: () => Promise<void>): Promise<number> {
  await client.query("BEGIN");
  try {
    // USER: every trigger of ours, not the foreign-key checks.
    if (!trigger) await client.query(`ALTER TABLE ai_session_steps DISABLE TRIGGER USER`);
    const t0 = performance.now();
    await body();
    return performance.now() - t0;
  } finally {
    await client.query("ROLLBACK");
  }
}

/**
 * Steps "now" on sessions with a claimed handoff of one account: most append
 * after an existing first action, the rest give a waiting handoff its first.
 */
export async function measureWriteCost(client: pg.Client, accountId: string, repeats = 3): Promise<WriteCost[]> {
  const { rows } = await client.query<{ session_id: string }>(
    `SELECT session_id FROM session_handoffs WHERE account_id = $1 AND claimed_at IS NOT NULL ORDER BY id LIMIT 10000`,
    [accountId],
  );
  const sessions = rows.map((r) => r.session_id);
  const single = sessions.slice(0, 2000);

  const shapes: { shape: string; rows: number; body: () => Promise<void> }[] = [
    {
      shape: "single-row INSERT statements",
      rows: single.length,
      body: async () => {
        for (const s of single) {
          await client.query(
            `INSERT INTO ai_session_steps (session_id, account_id, step_order, step_type, content) VALUES ($1, $2, 99, 'note', '{}')`,
            [s, accountId],
          );
        }
      },
    },
    {
      shape: "bulk INSERT … SELECT (10 steps × 10k sessions)",
      rows: sessions.length * 10,
      body: async () => {
        await client.query(
          `INSERT INTO ai_session_steps (session_id, account_id, step_order, step_type, content, created_at)
           SELECT s, $2, 100 + j, 'note', '{}', now() + j * interval '1 second'
             FROM unnest($1::uuid[]) s CROSS JOIN generate_series(1, 10) j`,
          [sessions, accountId],
        );
      },
    },
  ];

  const results: WriteCost[] = [];
  for (const s of shapes) {
    const withT: number[] = [];
    const withoutT: number[] = [];
    for (let i = 0; i < repeats; i++) {
      withT.push(await attempt(client, true, s.body));
      withoutT.push(await attempt(client, false, s.body));
    }
    const a = timing(withT);
    const b = timing(withoutT);
    results.push({
      shape: s.shape,
      rows: s.rows,
      withTrigger: a,
      withoutTrigger: b,
      rowsPerSecondWith: Math.round(s.rows / (a.p50 / 1000)),
      rowsPerSecondWithout: Math.round(s.rows / (b.p50 / 1000)),
    });
  }
  return results;
}
