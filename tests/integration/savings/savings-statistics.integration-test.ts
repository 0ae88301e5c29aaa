/**
 * The savings comparison's numbers against the metric's reference
 * implementation (tests/support/escalations-reference.ts): the baseline's and
 * the in-product side's n, mean, median and p95 computed in PostgreSQL must
 * equal it exactly, on random data with ties and odd and even counts.
 */
import { describe, expect, it } from "vitest";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { testDb } from "../../support/db";
import { referenceStats, US_PER_DAY } from "../../support/escalations-reference";
import { buildWorld, dbNow, insertHandoffs, insertSessions, insertSteps } from "../../support/world";
import { baselineSide } from "@/server/savings/baseline-stats";
import { insertTimings } from "@/server/savings/baseline-store";

const db = testDb();

const asReference = (ms: number[]) => referenceStats(ms.map((m) => BigInt(m) * 1000n));

describe("baseline statistics in PostgreSQL", () => {
  it("equal the reference implementation on 40 random samples", async () => {
    const rng = xoroshiro128plus(77);
    const u = () => uniformFloat64(rng);
    for (let trial = 0; trial < 40; trial++) {
      const world = await buildWorld(db);
      const n = 1 + Math.floor(u() * 61);
      // Whole milliseconds, often tied, across six orders of magnitude.
      const ms = Array.from({ length: n }, () => (u() < 0.2 ? 30_000 : 1 + Math.floor(Math.exp(u() * Math.log(604_800_000)))));
      await insertTimings(db, { accountId: world.accountId, userId: world.userId }, ms.map((m) => ({
        measured_at: new Date(Date.now() - 3_600_000).toISOString(), seconds: m / 1000, engineer_name: null, note: null,
      })));
      const side = await baselineSide(db, world.accountId);
      const ref = asReference(ms);
      expect(side.n, `trial ${trial}`).toBe(ref.n_handoffs_with_action);
      expect(side.avg_seconds, `trial ${trial} avg`).toBe(ref.avg_seconds_to_first_action);
      expect(side.median_seconds, `trial ${trial} median`).toBe(ref.median_seconds_to_first_action);
      expect(side.p95_seconds, `trial ${trial} p95`).toBe(ref.p95_seconds_to_first_action);
      expect(side.values).toEqual([...ms].sort((a, b) => a - b).map((m) => m / 1000));
    }
  });

  it("are null without timings", async () => {
    const world = await buildWorld(db);
    expect(await baselineSide(db, world.accountId)).toEqual({
      n: 0, avg_seconds: null, median_seconds: null, p95_seconds: null, measured_from: null, measured_to: null, values: [],
    });
  });
});

describe("savings.summary", () => {
  it("reports the in-product side exactly as the reference and the metric do, and a verdict from both sides", async () => {
    const rng = xoroshiro128plus(91);
    const u = () => uniformFloat64(rng);
    const world = await buildWorld(db);
    const nowUs = BigInt((await dbNow(db)).getTime()) * 1000n;
    const sessions = await insertSessions(db, world, 45);
    const deltas: (bigint | null)[] = [];
    const handoffs = [];
    const steps = [];
    for (const sessionId of sessions) {
      // Claims 1–9 days ago, well inside the 30-day window; deltas in µs, some handoffs without action.
      const claimedAtUs = nowUs - US_PER_DAY - BigInt(Math.floor(u() * 8 * 86_400_000_000));
      handoffs.push({ accountId: world.accountId, sessionId, handedOffBy: world.userId, claimedAtUs });
      if (u() < 0.1) {
        deltas.push(null);
        continue;
      }
      const delta = 1n + BigInt(Math.floor(u() * 600_000_000));
      deltas.push(delta);
      steps.push({ accountId: world.accountId, sessionId, createdAtUs: claimedAtUs + delta });
    }
    await insertHandoffs(db, handoffs);
    await insertSteps(db, steps);
    const baselineMs = Array.from({ length: 30 }, () => 600_000 + Math.floor(u() * 900_000));
    await insertTimings(db, { accountId: world.accountId, userId: world.userId }, baselineMs.map((m) => ({
      measured_at: "2026-01-05T10:00:00.123456+01:00", seconds: m / 1000, engineer_name: "E", note: null,
    })));

    const summary = await world.trpc.savings.summary({ period: "30d" });
    const ref = referenceStats(deltas);
    expect(summary.in_product).toEqual({
      n: ref.n_handoffs_with_action,
      avg_seconds: ref.avg_seconds_to_first_action,
      median_seconds: ref.median_seconds_to_first_action,
      p95_seconds: ref.p95_seconds_to_first_action,
    });
    const metric = await world.trpc.analytics.escalations({ period: "30d" });
    expect(summary.in_product.median_seconds).toBe(metric.median_seconds_to_first_action);
    expect(Date.parse(summary.window_end) - Date.parse(summary.window_start)).toBe(30 * 86_400_000);

    const base = asReference(baselineMs);
    expect(summary.baseline).toEqual({
      n: 30, avg_seconds: base.avg_seconds_to_first_action, median_seconds: base.median_seconds_to_first_action,
      p95_seconds: base.p95_seconds_to_first_action,
      measured_from: "2026-01-05T09:00:00.123Z", measured_to: "2026-01-05T09:00:00.123Z",
    });
    // Baseline 10–25 minutes against at most 10 minutes in the product: clearly faster.
    expect(summary.verdict).toBe("faster");
    expect(summary.median_difference_seconds).toBeCloseTo(base.median_seconds_to_first_action! - ref.median_seconds_to_first_action!, 6);
    expect(summary.ci95!.low).toBeGreaterThan(0);
    expect(summary.escalations_per_30_days).toBe(45);
    expect(summary.minutes_recovered_per_escalation).toBeCloseTo(summary.median_difference_seconds! / 60, 3);
    expect(summary.metric_definition).toMatch(/manual baseline/);
    expect(summary.method).toMatch(/bootstrap/);
    // Deterministic: asking again gives the very same answer.
    expect(await world.trpc.savings.summary({ period: "30d" })).toEqual({ ...summary, window_start: expect.any(String), window_end: expect.any(String) });
  });

  it("says insufficient_data with nulls for a new account", async () => {
    const world = await buildWorld(db);
    const summary = await world.trpc.savings.summary({});
    expect(summary).toMatchObject({
      baseline: { n: 0, median_seconds: null }, in_product: { n: 0, median_seconds: null },
      median_difference_seconds: null, ci95: null, verdict: "insufficient_data",
      escalations_per_30_days: null, minutes_recovered_per_escalation: null, minutes_recovered_per_30_days: null,
    });
  });
});
