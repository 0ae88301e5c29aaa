/**
 * What row-level security costs the metric: the same handler, on the same
 * data, in the same run, three ways, their runs alternated so that load on
 * the machine falls on all three alike.
 *
 *   off    — on the pool as the tables' owner, each statement through Prisma
 *            without a transaction: how it would run with no scope at all.
 *   on     — in the caller's account scope, as the request path runs it
 *            (src/server/db/statements.ts): one flight of BEGIN with the
 *            role flowpilot_app and the account, the statement, COMMIT.
 *   owner  — the same flight as the owner, without the role and account:
 *            splits "on" into the flight's own cost and the policies'.
 */
import { pipelinedReadsOf, type Db } from "@/server/db/client";
import { readInAccountScope, readInOneFlight, statementsOn } from "@/server/db/statements";
import { escalationsMetric } from "@/server/api/routers/analytics/escalations.handler";
import type { Period } from "@/server/api/routers/analytics/escalations.types";
import { timing, type Timing } from "./read-path";

export type RlsCost = { account: string; period: Period; off: Timing; on: Timing; owner: Timing; costP50: number };

/** Largest p50 cost row-level security may add to the metric. */
export const RLS_COST_TARGET = 0.1;

export async function measureRlsCost(
  db: Db, account: { name: string; accountId: string }, period: Period, warmup: number, runs: number,
): Promise<RlsCost> {
  const { accountId } = account;
  const ownerFlight = readInOneFlight(pipelinedReadsOf(db)!, "SET LOCAL app.account_id = ''");
  const ways = {
    off: () => escalationsMetric(statementsOn(db), accountId, { period }),
    on: () => escalationsMetric(readInAccountScope(db, accountId), accountId, { period }),
    owner: () => escalationsMetric(ownerFlight, accountId, { period }),
  };
  const times = { off: [] as number[], on: [] as number[], owner: [] as number[] };
  for (let i = 0; i < warmup + runs; i++) {
    // A different order each round, so no way always runs right after another.
    const order = ["off", "on", "owner"] as const;
    for (const way of [...order.slice(i % 3), ...order.slice(0, i % 3)]) {
      const t0 = performance.now();
      await ways[way]();
      if (i >= warmup) times[way].push(performance.now() - t0);
    }
  }
  const off = timing(times.off);
  const on = timing(times.on);
  return { account: account.name, period, off, on, owner: timing(times.owner), costP50: on.p50 / off.p50 - 1 };
}

export function rlsLines(costs: RlsCost[]): { lines: string[]; checks: [string, boolean, string][] } {
  const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);
  const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} %`;
  const lines = [
    `Row-level security, the metric's handler (runs of the three ways alternated; off = as the owner, no transaction,`,
    `on = the request path: one flight in the caller's account scope as flowpilot_app, owner = the same flight as the owner):`,
    ...costs.map(
      (c) =>
        `  ${`${c.account} ${c.period}`.padEnd(10)} off p50 ${ms(c.off.p50)} ms, on p50 ${ms(c.on.p50)} ms (${pct(c.costP50)}), ` +
        `owner p50 ${ms(c.owner.p50)} ms; p95 off ${ms(c.off.p95)} / on ${ms(c.on.p95)} ms; ${c.off.runs.length} runs`,
    ),
  ];
  const checks = costs.map((c): [string, boolean, string] => [
    `row-level security costs ${c.account} ${c.period} ≤ ${RLS_COST_TARGET * 100} % at p50`,
    c.costP50 <= RLS_COST_TARGET,
    `${ms(c.off.p50)} → ${ms(c.on.p50)} ms, ${pct(c.costP50)}`,
  ]);
  return { lines, checks };
}
