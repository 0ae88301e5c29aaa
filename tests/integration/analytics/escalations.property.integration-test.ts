/**
 * The production query against the contract's definition, over random data.
 *
 * The reference (tests/support/escalations-reference.ts) computes the metric
 * from raw handoffs and steps with exact microsecond arithmetic; the query
 * reads first_action_at, which triggers maintain. Agreement on every seed
 * checks both at once. Seeds are fixed, so a failure names a reproducible
 * data set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { seededRandom } from "@/ops/seed/demo";
import { PERIODS, PERIOD_DAYS } from "@/server/api/routers/analytics/escalations.types";
import { testDb } from "../../support/db";
import { referenceMetric, US_PER_DAY, US_PER_SECOND } from "../../support/escalations-reference";
import {
  addApiKey,
  atFixedNow,
  buildWorld,
  deleteStep,
  insertHandoffs,
  insertSessions,
  insertSteps,
  moveStep,
  setClaim,
  type HandoffRow,
  type StepRow,
  type World,
} from "../../support/world";
import { startRestServer, type RestServer } from "../../support/rest-server";

type Sql = Parameters<typeof insertSessions>[0];

/**
 * Random sessions, handoffs and steps for two accounts. Claims fall inside,
 * outside and exactly on the edges of every window, some in the future, some
 * unclaimed; steps sit before, at, 1 µs after, a fraction of a second after
 * and long after claims, often sharing a timestamp with another row.
 * With `avoidEdgesUs`, no claim lies that close to a window edge, so a query
 * made a little later than `nowUs` (over HTTP) sees the same rows.
 */
async function randomData(db: Sql, worlds: World[], nowUs: bigint, seed: number, avoidEdgesUs = 0n) {
  const rand = seededRandom(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const span = (maxUs: bigint) => (BigInt(int(Number(maxUs / US_PER_SECOND))) * US_PER_SECOND) + BigInt(int(1_000_000));
  const pool: bigint[] = [];
  const remember = (t: bigint) => (pool.push(t), t);
  const edges = PERIODS.flatMap((p) => [nowUs - BigInt(PERIOD_DAYS[p]) * US_PER_DAY]).concat([nowUs]);
  const nearEdge = (t: bigint) => edges.some((e) => (t > e ? t - e : e - t) < avoidEdgesUs);

  const claimTime = (): bigint => {
    for (;;) {
      const r = rand();
      const t =
        r < 0.1 && avoidEdgesUs === 0n
          ? pick(edges) + pick([-1n, 0n, 1n])
          : r < 0.2 && pool.length > 0
            ? pick(pool)
            : r < 0.3
              ? nowUs + span(2n * US_PER_DAY)
              : nowUs - span(100n * US_PER_DAY);
      if (!nearEdge(t)) return t;
    }
  };
  const stepTime = (claims: bigint[]): bigint => {
    const r = rand();
    if (r < 0.15 && pool.length > 0) return pick(pool);
    if (claims.length === 0 || r < 0.25) return nowUs - span(100n * US_PER_DAY);
    const claim = pick(claims);
    return pick([
      () => claim - span(3600n * US_PER_SECOND),
      () => claim,
      () => claim + 1n,
      () => claim + BigInt(1 + int(999_999)),
      () => claim + span(600n * US_PER_SECOND),
      () => claim + span(3n * US_PER_DAY),
    ])();
  };

  const handoffs: HandoffRow[] = [];
  const steps: StepRow[] = [];
  for (const world of worlds) {
    const sessions = await insertSessions(db, world, 3 + int(25));
    for (const sessionId of sessions) {
      const claims: bigint[] = [];
      for (let i = int(4); i > 0; i--) {
        const claimedAtUs = rand() < 0.15 ? null : remember(claimTime());
        if (claimedAtUs !== null) claims.push(claimedAtUs);
        handoffs.push({ accountId: world.accountId, sessionId, handedOffBy: world.userId, claimedAtUs });
      }
      for (let i = int(7); i > 0; i--) {
        steps.push({ accountId: world.accountId, sessionId, createdAtUs: remember(stepTime(claims)) });
      }
    }
  }
  // Rows arrive the ways other services write them, so every trigger path
  // runs: steps before and after their handoff exists, handoffs inserted
  // already claimed or claimed later by an UPDATE, steps moved and deleted.
  for (const h of handoffs) h.id = randomUUID();
  for (const s of steps) s.id = randomUUID();
  const early = steps.filter(() => rand() < 0.5);
  const late = steps.filter((s) => !early.includes(s));
  const claimLater = handoffs.filter((h) => h.claimedAtUs !== null && rand() < 0.3);
  await insertSteps(db, early);
  await insertHandoffs(db, handoffs.map((h) => (claimLater.includes(h) ? { ...h, claimedAtUs: null } : h)));
  await insertSteps(db, late);
  for (const h of claimLater) await setClaim(db, h.id!, h.claimedAtUs!, h.handedOffBy);
  const claimsOf = (sessionId: string) =>
    handoffs.flatMap((h) => (h.sessionId === sessionId && h.claimedAtUs !== null ? [h.claimedAtUs] : []));
  const kept: StepRow[] = [];
  for (const s of steps) {
    const r = rand();
    if (r < 0.08) {
      await deleteStep(db, s.id!);
    } else if (r < 0.16) {
      s.createdAtUs = remember(stepTime(claimsOf(s.sessionId)));
      await moveStep(db, s.id!, s.createdAtUs);
      kept.push(s);
    } else {
      kept.push(s);
    }
  }
  return { handoffs, steps: kept };
}

const stats = (r: Record<string, unknown>) => ({
  n_handoffs_claimed: r.n_handoffs_claimed,
  n_handoffs_with_action: r.n_handoffs_with_action,
  avg_seconds_to_first_action: r.avg_seconds_to_first_action,
  median_seconds_to_first_action: r.median_seconds_to_first_action,
  p95_seconds_to_first_action: r.p95_seconds_to_first_action,
});

const db = testDb();
const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i);

describe("escalations equals the reference definition", () => {
  it.each(SEEDS)("seed %i, every period, both accounts (createCaller)", async (seed) => {
    await atFixedNow(db, async (tx, nowUs) => {
      const worlds = [await buildWorld(tx), await buildWorld(tx)];
      const { handoffs, steps } = await randomData(tx, worlds, nowUs, seed);
      for (const world of worlds) {
        for (const period of PERIODS) {
          const actual = await world.trpc.analytics.escalations({ period });
          const expected = referenceMetric(handoffs, steps, { accountId: world.accountId, nowUs, days: PERIOD_DAYS[period] });
          expect({ seed, period, ...stats(actual) }).toEqual({ seed, period, ...expected });
        }
      }
    });
  });

  it("has data sets that exercise what they should", async () => {
    // Guards the generator: the seeds above must produce ties, edge claims,
    // no-action handoffs and even counts, or agreement would prove little.
    let evenCounts = 0;
    let withoutAction = 0;
    let edgeClaims = 0;
    await atFixedNow(db, async (tx, nowUs) => {
      for (const seed of SEEDS.slice(0, 10)) {
        const worlds = [await buildWorld(tx), await buildWorld(tx)];
        const { handoffs, steps } = await randomData(tx, worlds, nowUs, seed);
        const r = referenceMetric(handoffs, steps, { accountId: worlds[0]!.accountId, nowUs, days: 90 });
        if (r.n_handoffs_with_action % 2 === 0) evenCounts++;
        if (r.n_handoffs_claimed > r.n_handoffs_with_action) withoutAction++;
        edgeClaims += handoffs.filter((h) => h.claimedAtUs === nowUs || h.claimedAtUs === nowUs - 90n * US_PER_DAY).length;
        expect(steps.some((s) => handoffs.some((h) => h.claimedAtUs === s.createdAtUs))).toBe(true);
      }
    });
    expect(evenCounts).toBeGreaterThan(0);
    expect(withoutAction).toBeGreaterThan(0);
    expect(edgeClaims).toBeGreaterThan(0);
  });
});

describe("escalations over HTTP equals the reference definition", () => {
  let rest: RestServer;
  beforeAll(async () => {
    rest = await startRestServer();
  });
  afterAll(async () => {
    await rest.close();
  });

  it.each([7, 8, 9, 10, 11])("seed %i, every period", async (seed) => {
    const worlds = [await buildWorld(db), await buildWorld(db)];
    const { token } = await addApiKey(db, worlds[0]!.user);
    const [row] = await db.$queryRaw<{ now_us: bigint }[]>`SELECT (extract(epoch FROM now()) * 1000000)::bigint AS now_us`;
    const nowUs = BigInt(row!.now_us);
    // Rows are committed and the HTTP request runs later than nowUs; keeping
    // claims 10 minutes away from every edge makes that difference irrelevant.
    const { handoffs, steps } = await randomData(db, worlds, nowUs, seed, 600n * US_PER_SECOND);
    for (const period of PERIODS) {
      const res = await rest.get(`/api/v1/analytics/flowpilot/escalations?period=${period}`, token);
      expect(res.status).toBe(200);
      const expected = referenceMetric(handoffs, steps, { accountId: worlds[0]!.accountId, nowUs, days: PERIOD_DAYS[period] });
      expect({ seed, period, ...stats(res.body as Record<string, unknown>) }).toEqual({ seed, period, ...expected });
    }
  });
});
