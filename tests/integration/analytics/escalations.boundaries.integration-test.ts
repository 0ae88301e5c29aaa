/**
 * The edges of the contract, to the microsecond. Each test runs in one
 * transaction so now() is the same for the rows and for the metric's query,
 * and a claim can sit exactly on the window's start or end.
 */
import { describe, expect, it } from "vitest";
import { testDb } from "../../support/db";
import { US_PER_DAY, US_PER_SECOND } from "../../support/escalations-reference";
import {
  atFixedNow,
  buildWorld,
  insertHandoffs,
  insertSessions,
  insertSteps,
  type Tx,
  type World,
} from "../../support/world";

const S = US_PER_SECOND;
const HOUR = 3600n * S;

/** One session per entry of `deltasUs`, each claimed at `claimUs` (or spread an hour apart), with its first step after `delta`. */
async function handoffsWithDeltas(tx: Tx, world: World, nowUs: bigint, deltasUs: bigint[]) {
  const sessions = await insertSessions(tx, world, deltasUs.length);
  const claims = deltasUs.map((_, i) => nowUs - HOUR * BigInt(i + 2));
  await insertHandoffs(
    tx,
    sessions.map((sessionId, i) => ({ accountId: world.accountId, sessionId, handedOffBy: world.userId, claimedAtUs: claims[i]! })),
  );
  await insertSteps(
    tx,
    sessions.map((sessionId, i) => ({ accountId: world.accountId, sessionId, createdAtUs: claims[i]! + deltasUs[i]! })),
  );
}

/** Claims (each on its own session, each acted on 1 s later) at the given instants. */
async function claimsAt(tx: Tx, world: World, claimsUs: bigint[]) {
  const sessions = await insertSessions(tx, world, claimsUs.length);
  await insertHandoffs(
    tx,
    sessions.map((sessionId, i) => ({ accountId: world.accountId, sessionId, handedOffBy: world.userId, claimedAtUs: claimsUs[i]! })),
  );
  await insertSteps(
    tx,
    sessions.map((sessionId, i) => ({ accountId: world.accountId, sessionId, createdAtUs: claimsUs[i]! + S })),
  );
}

const db = testDb();

describe("escalations window", () => {
  it.each([
    ["7d", 7n],
    ["30d", 30n],
    ["90d", 90n],
  ] as const)("%s includes a claim exactly at its start and exactly at now, and nothing outside", async (period, days) => {
    await atFixedNow(db, async (tx, now) => {
      const world = await buildWorld(tx);
      const start = now - days * US_PER_DAY;
      await claimsAt(tx, world, [start - 1n, start, start + 1n, now - 1n, now, now + 1n, now + 3600n * S]);
      const result = await world.trpc.analytics.escalations({ period });
      expect(result.n_handoffs_claimed).toBe(4); // start, start+1µs, now−1µs, now
      expect(result.window_end).toBe(new Date(Number(now / 1000n)).toISOString());
      expect(result.window_start).toBe(new Date(Number(start / 1000n)).toISOString());
    });
  });
});

describe("escalations first action", () => {
  it("does not count a step at exactly the claim, and counts one 1 µs after it", async () => {
    await atFixedNow(db, async (tx, now) => {
      const world = await buildWorld(tx);
      const [atClaim, justAfter] = await insertSessions(tx, world, 2);
      const claim = now - HOUR;
      await insertHandoffs(tx, [
        { accountId: world.accountId, sessionId: atClaim!, handedOffBy: world.userId, claimedAtUs: claim },
        { accountId: world.accountId, sessionId: justAfter!, handedOffBy: world.userId, claimedAtUs: claim },
      ]);
      await insertSteps(tx, [
        { accountId: world.accountId, sessionId: atClaim!, createdAtUs: claim },
        { accountId: world.accountId, sessionId: justAfter!, createdAtUs: claim + 1n },
      ]);
      const result = await world.trpc.analytics.escalations({ period: "7d" });
      expect(result).toMatchObject({
        n_handoffs_claimed: 2,
        n_handoffs_with_action: 1,
        avg_seconds_to_first_action: 0, // 0.000001 s rounds to 0.000
        p95_seconds_to_first_action: 0,
      });
    });
  });

  it("measures several handoffs on one session each from its own claim", async () => {
    await atFixedNow(db, async (tx, now) => {
      const world = await buildWorld(tx);
      const [session] = await insertSessions(tx, world, 1);
      const t0 = now - HOUR;
      const on = (claimedAtUs: bigint) => ({ accountId: world.accountId, sessionId: session!, handedOffBy: world.userId, claimedAtUs });
      await insertHandoffs(tx, [on(t0), on(t0 + 10n * S), on(t0 + 30n * S)]);
      const step = (createdAtUs: bigint) => ({ accountId: world.accountId, sessionId: session!, createdAtUs });
      await insertSteps(tx, [step(t0 + 4n * S), step(t0 + 25n * S), step(t0 + 10n * S)]);
      // deltas: 4 s (first claim), 15 s (the step at exactly +10 s is not after the second claim), none for the third
      const result = await world.trpc.analytics.escalations({ period: "7d" });
      expect(result).toMatchObject({
        n_handoffs_claimed: 3,
        n_handoffs_with_action: 2,
        avg_seconds_to_first_action: 9.5,
        median_seconds_to_first_action: 9.5,
        p95_seconds_to_first_action: 15,
      });
    });
  });

  it("ignores steps of other sessions, even of the same account and right after the claim", async () => {
    await atFixedNow(db, async (tx, now) => {
      const world = await buildWorld(tx);
      const [claimed, busy] = await insertSessions(tx, world, 2);
      const claim = now - HOUR;
      await insertHandoffs(tx, [{ accountId: world.accountId, sessionId: claimed!, handedOffBy: world.userId, claimedAtUs: claim }]);
      await insertSteps(tx, [
        { accountId: world.accountId, sessionId: busy!, createdAtUs: claim + 1n },
        { accountId: world.accountId, sessionId: claimed!, createdAtUs: claim + 42n * S },
      ]);
      const result = await world.trpc.analytics.escalations({ period: "7d" });
      expect(result).toMatchObject({ n_handoffs_with_action: 1, avg_seconds_to_first_action: 42 });
    });
  });

  it("keeps sub-second deltas", async () => {
    await atFixedNow(db, async (tx, now) => {
      const world = await buildWorld(tx);
      await handoffsWithDeltas(tx, world, now, [250_000n, 125_000n, 2_500n]);
      expect(await world.trpc.analytics.escalations({ period: "7d" })).toMatchObject({
        avg_seconds_to_first_action: 0.126, // 0.1258333…
        median_seconds_to_first_action: 0.125,
        p95_seconds_to_first_action: 0.25,
      });
    });
  });
});

describe("escalations statistics", () => {
  it("takes the mean of the two middle values for an even count", async () => {
    await atFixedNow(db, async (tx, now) => {
      const world = await buildWorld(tx);
      await handoffsWithDeltas(tx, world, now, [10n * S, 100n * S, 20n * S, 40n * S]);
      expect(await world.trpc.analytics.escalations({ period: "7d" })).toMatchObject({
        n_handoffs_with_action: 4,
        avg_seconds_to_first_action: 42.5,
        median_seconds_to_first_action: 30,
        p95_seconds_to_first_action: 100,
      });
    });
  });

  it("takes p95 by nearest rank: the 19th of 20 deltas and the 20th of 21", async () => {
    for (const n of [20, 21]) {
      await atFixedNow(db, async (tx, now) => {
        const world = await buildWorld(tx);
        const deltas = Array.from({ length: n }, (_, i) => BigInt(i + 1) * S).reverse();
        await handoffsWithDeltas(tx, world, now, deltas);
        const result = await world.trpc.analytics.escalations({ period: "7d" });
        expect(result.p95_seconds_to_first_action).toBe(n === 20 ? 19 : 20);
        expect(result.median_seconds_to_first_action).toBe(n === 20 ? 10.5 : 11);
      });
    }
  });

  it("rounds half away from zero at 3 decimals", async () => {
    await atFixedNow(db, async (tx, now) => {
      const world = await buildWorld(tx);
      // 1.0005 s alone: every statistic is exactly half-way, and rounds up.
      await handoffsWithDeltas(tx, world, now, [1_000_500n]);
      expect(await world.trpc.analytics.escalations({ period: "7d" })).toMatchObject({
        avg_seconds_to_first_action: 1.001,
        median_seconds_to_first_action: 1.001,
        p95_seconds_to_first_action: 1.001,
      });
    });
    await atFixedNow(db, async (tx, now) => {
      const world = await buildWorld(tx);
      // median of 2.000 and 2.001 is 2.0005: half-way, so up (banker's rounding would say 2.000)
      await handoffsWithDeltas(tx, world, now, [2_000_000n, 2_001_000n]);
      expect(await world.trpc.analytics.escalations({ period: "7d" })).toMatchObject({
        avg_seconds_to_first_action: 2.001,
        median_seconds_to_first_action: 2.001,
        p95_seconds_to_first_action: 2.001,
      });
    });
    await atFixedNow(db, async (tx, now) => {
      const world = await buildWorld(tx);
      // just under half-way: 1.000 and 1.000999 → 1.0004995 → 1.000
      await handoffsWithDeltas(tx, world, now, [1_000_000n, 1_000_999n]);
      expect(await world.trpc.analytics.escalations({ period: "7d" })).toMatchObject({
        avg_seconds_to_first_action: 1,
        median_seconds_to_first_action: 1,
        p95_seconds_to_first_action: 1.001,
      });
    });
  });

  it("stays exact for very long deltas, where float8 would lose the last digits", async () => {
    await atFixedNow(db, async (tx, now) => {
      const world = await buildWorld(tx);
      // Steps dated ~127 years after their claims (a writer's clock far
      // ahead). The median is 4 000 000 000.0004995 s: exactly, it rounds
      // down; seconds in float8, cast to numeric (15 significant digits),
      // would give …000.00050 and round up.
      await handoffsWithDeltas(tx, world, now, [4_000_000_000_000_000n, 4_000_000_000_000_999n]);
      expect(await world.trpc.analytics.escalations({ period: "7d" })).toMatchObject({
        avg_seconds_to_first_action: 4_000_000_000,
        median_seconds_to_first_action: 4_000_000_000,
        p95_seconds_to_first_action: 4_000_000_000.001,
      });
    });
  });
});
