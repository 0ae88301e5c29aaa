/**
 * What row-level security costs the metric: the same handler, on the same
 * data, in the same run, three ways, their runs alternated so that load on
 * the machine falls on all three alike.
 *
 *   off    — on the pool as the tables' owner, one statement at a time:
 *            how every query ran before row-level security.
 *   on     — in the caller's account scope (src/server/db/scope.ts), as
 *            every procedure now runs: one transaction whose BEGIN also sets
 *            the role flowpilot_app and the account, the policies applied.
 *   tx     — the same transaction as the owner, without the role: splits
 *            "on" into the transaction's round trips and the policies' own cost.
 */
import type { Db } from "@/server/db/client";
import { inAccountScope } from "@/server/db/scope";
import { escalationsMetric } from "@/server/api/routers/analytics/escalations.handler";
import type { Period } from "@/server/api/routers/analytics/escalations.types";
import { timing, type Timing } from "./read-path";

export type RlsCost = { account: string; period: Period; off: Timing; on: Timing; tx: Timing; costP50: number };

/** Largest p50 cost row-level security may add to the metric. */
export const RLS_COST_TARGET = 0.1;

export async function measureRlsCost(
  db: Db, account: { name: string; accountId: string }, period: Period, warmup: number, runs: number,
): Promise<RlsCost> {
  const { accountId } = account;
  const ways = {
    off: () => escalationsMetric(db, accountId, { period }),
    on: () => inAccountScope(db, accountId, (scoped) => escalationsMetric(scoped, accountId, { period })),
    tx: () => db.$transaction((tx) => escalationsMetric(tx as unknown as Db, accountId, { period })),
  };
  const times = { off: [] as number[], on: [] as number[], tx: [] as number[] };
  for (let i = 0; i < warmup + runs; i++) {
    // A different order each round, so no way always runs right after another.
    const order = ["off", "on", "tx"] as const;
    for (const way of [...order.slice(i % 3), ...order.slice(0, i % 3)]) {
      const t0 = performance.now();
      await ways[way]();
      if (i >= warmup) times[way].push(performance.now() - t0);
    }
  }
  const off = timing(times.off);
  const on = timing(times.on);
  return { account: account.name, period, off, on, tx: timing(times.tx), costP50: on.p50 / off.p50 - 1 };
}

export function rlsLines(costs: RlsCost[]): { lines: string[]; checks: [string, boolean, string][] } {
  const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);
  const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} %`;
  const lines = [
    `Row-level security, the metric's handler (runs of the three ways alternated; off = as the owner without a transaction,`,
    `on = in the caller's account scope as flowpilot_app, tx = the same transaction as the owner):`,
    ...costs.map(
      (c) =>
        `  ${`${c.account} ${c.period}`.padEnd(10)} off p50 ${ms(c.off.p50)} ms, on p50 ${ms(c.on.p50)} ms (${pct(c.costP50)}), ` +
        `tx p50 ${ms(c.tx.p50)} ms; p95 off ${ms(c.off.p95)} / on ${ms(c.on.p95)} ms; ${c.off.runs.length} runs`,
    ),
  ];
  const checks = costs.map((c): [string, boolean, string] => [
    `row-level security costs ${c.account} ${c.period} ≤ ${RLS_COST_TARGET * 100} % at p50`,
    c.costP50 <= RLS_COST_TARGET,
    `${ms(c.off.p50)} → ${ms(c.on.p50)} ms, ${pct(c.costP50)}`,
  ]);
  return { lines, checks };
}
