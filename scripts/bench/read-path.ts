/**
 * The two read paths compared by the benchmark.
 *
 * (a) production: the `analytics.escalations` procedure through tRPC's
 *     createCaller and Prisma, exactly as the UI and REST routes call it.
 * (b) the seed's method, kept here as the baseline: for each claimed handoff
 *     in the window a correlated "first step after the claim" subquery on the
 *     steps table, every row shipped to Node, statistics computed in JS.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { createCaller } from "@/server/api/root";
import { createContextInner } from "@/server/api/context";
import type { Period, TEscalationsResponse } from "@/server/api/routers/analytics/escalations.types";
import { claimedInWindow, periodWindow } from "@/server/api/routers/analytics/escalations.sql";
import type { Caller } from "@/server/auth/roles";

export type Summary = Pick<
  TEscalationsResponse,
  "n_handoffs_claimed" | "n_handoffs_with_action" | "avg_seconds_to_first_action" | "median_seconds_to_first_action" | "p95_seconds_to_first_action"
>;

export function productionPath(db: Db, caller: Caller) {
  const trpc = createCaller(createContextInner({ db, caller }));
  return (period: Period): Promise<Summary> => trpc.analytics.escalations({ period });
}

type SeedRow = { claimed_at: Date; first_step_at: Date | null };

export function seedMethod(db: Db, accountId: string) {
  return async (period: Period): Promise<Summary> => {
    const rows = await db.$queryRaw<SeedRow[]>(Prisma.sql`
      SELECT h.claimed_at,
             (SELECT min(s.created_at) FROM ai_session_steps s
               WHERE s.session_id = h.session_id AND s.created_at > h.claimed_at) AS first_step_at
        FROM session_handoffs h
       WHERE ${claimedInWindow(periodWindow(accountId, period))}`);
    const deltas: number[] = [];
    for (const r of rows) {
      if (r.first_step_at) deltas.push(Math.max(0, (r.first_step_at.getTime() - r.claimed_at.getTime()) / 1000));
    }
    deltas.sort((x, y) => x - y);
    const n = deltas.length;
    const round3 = (x: number) => Math.round(x * 1000) / 1000;
    return {
      n_handoffs_claimed: rows.length,
      n_handoffs_with_action: n,
      avg_seconds_to_first_action: n ? round3(deltas.reduce((a, b) => a + b, 0) / n) : null,
      median_seconds_to_first_action: n ? round3(n % 2 ? deltas[(n - 1) / 2]! : (deltas[n / 2 - 1]! + deltas[n / 2]!) / 2) : null,
      p95_seconds_to_first_action: n ? round3(deltas[Math.ceil(0.95 * n) - 1]!) : null,
    };
  };
}

/**
 * Whether the two paths agree. The seed's method works on JS Dates
 * (milliseconds), the production path on microseconds, so the seconds may
 * differ by up to a millisecond.
 */
export function agree(a: Summary, b: Summary): boolean {
  const close = (x: number | null, y: number | null) => (x === null || y === null ? x === y : Math.abs(x - y) <= 0.0015);
  return (
    a.n_handoffs_claimed === b.n_handoffs_claimed &&
    a.n_handoffs_with_action === b.n_handoffs_with_action &&
    close(a.avg_seconds_to_first_action, b.avg_seconds_to_first_action) &&
    close(a.median_seconds_to_first_action, b.median_seconds_to_first_action) &&
    close(a.p95_seconds_to_first_action, b.p95_seconds_to_first_action)
  );
}

export type Timing = { runs: number[]; p50: number; p95: number; min: number; mean: number };

export function timing(runs: number[]): Timing {
  const sorted = [...runs].sort((x, y) => x - y);
  const n = sorted.length;
  const p50 = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return {
    runs,
    p50,
    p95: sorted[Math.ceil(0.95 * n) - 1]!,
    min: sorted[0]!,
    mean: runs.reduce((a, b) => a + b, 0) / n,
  };
}

export async function measure<T>(fn: () => Promise<T>, warmup: number, runs: number): Promise<{ timing: Timing; result: T }> {
  let result: T | undefined;
  for (let i = 0; i < warmup; i++) result = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
  }
  return { timing: timing(times), result: result as T };
}
