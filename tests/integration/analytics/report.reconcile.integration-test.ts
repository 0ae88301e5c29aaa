/**
 * Every report endpoint against a plain TypeScript reference
 * (tests/support/report-reference.ts), over seeded random data with ties,
 * re-claims, no-action handoffs, steps at the claim's exact microsecond,
 * claims by unknown users and by nobody:
 *   - /escalations, series buckets, breakdown groups and distribution bands
 *     equal the reference, and their counts add up to the window's;
 *   - statistics recomputed from the CSV equal /escalations;
 *   - `previous` equals /escalations over the previous window as from/to;
 *   - paging /handoffs with every limit 1..7 returns each row exactly once,
 *     in order.
 * Seeds are fixed, so a failure names a reproducible data set.
 */
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { seededRandom } from "@/ops/seed/demo";
import { BANDS } from "@/server/api/routers/analytics/distribution.types";
import { NO_PRIORITY_LABEL, UNKNOWN_USER_LABEL } from "@/server/api/routers/analytics/breakdown.types";
import { microsToIso } from "@/server/api/routers/analytics/window";
import type { TWindowInput } from "@/server/api/routers/analytics/window.types";
import { testDb } from "../../support/db";
import {
  addApiKey, addMember, buildWorld, insertHandoffs, insertSessions, insertSteps, setClaim, type StepRow, type TrpcCaller,
} from "../../support/world";
import { referenceStats } from "../../support/escalations-reference";
import {
  BAND_LIMITS_S, compareGroups, pageOrder, referenceBands, referenceBuckets, referenceRows, referenceWindowStats,
  secondsTextToUs, usToSeconds, type RefFilters, type RefRow, type RefWindow, type ReportHandoff,
} from "../../support/report-reference";
import { restServerForSuite } from "../../support/rest-server";

const db = testDb();
const SECOND = 1_000_000n;
const DAY = 86_400n * SECOND;
const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"];

const rest = restServerForSuite();

type Data = {
  accountId: string;
  engineers: { id: string; name: string }[];
  foreignUserId: string;
  handoffs: ReportHandoff[];
  steps: StepRow[];
  nowUs: bigint;
  trpc: TrpcCaller;
  token: string;
};

/** One account's random history over the last ~40 days (all of it in the past, so every window is stable). */
async function randomHistory(seed: number, targetSeconds: number | null): Promise<Data> {
  const rnd = seededRandom(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const world = await buildWorld(db, { accountName: `reconcile ${seed}`, name: "Reader" });
  const account = world.account;
  await db.account.update({ where: { id: account.id }, data: { firstActionTargetSeconds: targetSeconds } });
  const engineers = [];
  for (const name of ["Zoë", "Ana", "Ana", "=Bob"]) engineers.push({ id: (await addMember(world, "engineer", { name })).user.id, name });
  const foreign = (await buildWorld(db, { accountName: "someone else" })).user;
  const [row] = await db.$queryRaw<{ now_us: string }[]>`SELECT (extract(epoch FROM now()) * 1000000)::bigint::text AS now_us`;
  const nowUs = BigInt(row!.now_us);

  const n = 140 + Math.floor(rnd() * 60);
  const owner = { accountId: account.id, userId: engineers[0]!.id };
  const sessions = await insertSessions(db, owner, n);
  const handoffs: ReportHandoff[] = [];
  const steps: StepRow[] = [];
  let previousClaim = nowUs - 20n * DAY;
  for (let i = 0; i < n; i++) {
    const sessionId = rnd() < 0.15 && i > 0 ? handoffs[i - 1]!.sessionId : sessions[i]!;
    // Ties: some claims share the previous claim's exact microsecond.
    const claimedAtUs = rnd() < 0.1 ? previousClaim
      : rnd() < 0.08 ? null
      : nowUs - 3_600n * SECOND - BigInt(Math.floor(rnd() * 40 * 86_400)) * SECOND - BigInt(Math.floor(rnd() * 1_000_000));
    if (claimedAtUs !== null) previousClaim = claimedAtUs;
    const claimedBy = claimedAtUs === null ? null
      : pick([...engineers.map((e) => e.id), engineers[1]!.id, foreign.id, null] as (string | null)[]);
    const priority = pick(["high", "normal", "normal", "low", "", "-1"]);
    handoffs.push({ id: randomUUID(), accountId: account.id, sessionId, claimedAtUs, claimedBy, priority });
    if (claimedAtUs === null || rnd() < 0.2) continue; // no action
    const wait = pick([0n, 1n, BigInt(Math.floor(rnd() * 59e6)), BigInt(Math.floor(rnd() * 900e6)), BigInt(Math.floor(rnd() * 20_000e6)), 60n * SECOND, 300n * SECOND]);
    steps.push({ accountId: account.id, sessionId, createdAtUs: claimedAtUs + wait });
    if (rnd() < 0.3) steps.push({ accountId: account.id, sessionId, createdAtUs: claimedAtUs + wait + BigInt(Math.floor(rnd() * 1e8)) });
  }
  await insertHandoffs(db, handoffs.map((h) => ({ ...h, handedOffBy: owner.userId, claimedBy: h.claimedBy })));
  // The fixture defaults a missing claimer to handed_off_by; these claims have none (a claimer who was deleted).
  const unclaimed = handoffs.filter((h) => h.claimedAtUs !== null && h.claimedBy === null).map((h) => h.id);
  await db.$executeRaw`UPDATE session_handoffs SET claimed_by = NULL WHERE id = ANY(${unclaimed}::uuid[])`;
  await insertSteps(db, steps);
  // Re-claims: a handoff claimed again later is measured from its new claim.
  for (const h of handoffs.filter((_, i) => i % 17 === 3 && handoffs[i]!.claimedAtUs !== null)) {
    h.claimedAtUs = h.claimedAtUs! + BigInt(Math.floor(rnd() * 7200)) * SECOND;
    if (h.claimedAtUs >= nowUs) h.claimedAtUs = nowUs - SECOND;
    await setClaim(db, h.id, h.claimedAtUs, h.claimedBy ?? engineers[0]!.id);
    h.claimedBy ??= engineers[0]!.id;
  }
  const { token } = await addApiKey(db, world.user);
  return { accountId: account.id, engineers, foreignUserId: foreign.id, handoffs, steps, nowUs, trpc: world.trpc, token };
}

/** A random custom window inside the data, to whole seconds (claims carry random µs, so none sits on an edge). */
function randomWindow(rnd: () => number, nowUs: bigint): RefWindow {
  const end = nowUs - BigInt(Math.floor(rnd() * 5 * 86_400)) * SECOND - 1n;
  const lengthDays = 1 + Math.floor(rnd() * 30);
  return { startUs: end - BigInt(lengthDays) * DAY - BigInt(Math.floor(rnd() * 86_400)) * SECOND, endUs: end, endInclusive: true };
}

const asInput = (w: RefWindow, f: RefFilters): TWindowInput => ({ from: microsToIso(w.startUs), to: microsToIso(w.endUs), ...f });

const statsOf = (x: Record<string, unknown>) => ({
  n_handoffs_claimed: x.n_handoffs_claimed, n_handoffs_with_action: x.n_handoffs_with_action, n_within_target: x.n_within_target,
  avg_seconds_to_first_action: x.avg_seconds_to_first_action, median_seconds_to_first_action: x.median_seconds_to_first_action,
  p95_seconds_to_first_action: x.p95_seconds_to_first_action,
});

function filtersFor(rnd: () => number, d: Data): RefFilters {
  const r = rnd();
  if (r < 0.4) return {};
  if (r < 0.6) return { engineer: d.engineers[Math.floor(rnd() * d.engineers.length)]!.id };
  if (r < 0.7) return { engineer: d.foreignUserId };
  return { priority: ["high", "normal", "-1", "none-such"][Math.floor(rnd() * 4)]! };
}

function userLabel(d: Data, key: string | null): string {
  return d.engineers.find((e) => e.id === key)?.name ?? UNKNOWN_USER_LABEL;
}

async function reconcileWindow(d: Data, w: RefWindow, f: RefFilters, rnd: () => number, target: number | null) {
  const rows = referenceRows(d.handoffs, d.steps, { accountId: d.accountId, window: w, filters: f });
  const expected = referenceWindowStats(rows, target);
  const input = asInput(w, f);
  const label = JSON.stringify(input);

  // /escalations, with the previous window
  const main = await d.trpc.analytics.escalations({ ...input, compare: "previous" });
  expect(statsOf(main), label).toEqual(expected);
  expect(main.target_seconds).toBe(target);
  const prevRows = referenceRows(d.handoffs, d.steps, {
    accountId: d.accountId, window: { startUs: 2n * w.startUs - w.endUs, endUs: w.startUs, endInclusive: false }, filters: f,
  });
  expect(statsOf(main.previous!), `previous ${label}`).toEqual(referenceWindowStats(prevRows, target));
  // No claim sits exactly on window_start, so the half-open previous window equals the closed one as from/to.
  expect(d.handoffs.some((h) => h.claimedAtUs === w.startUs)).toBe(false);
  const asFromTo = await d.trpc.analytics.escalations({
    ...f, from: microsToIso(2n * w.startUs - w.endUs), to: microsToIso(w.startUs),
  });
  expect(statsOf(asFromTo), `previous as from/to ${label}`).toEqual(statsOf(main.previous!));

  // /series, in a random zone and bucket
  const tz = ZONES[Math.floor(rnd() * ZONES.length)]!;
  const bucket = rnd() < 0.5 ? "day" : "week";
  const series = await d.trpc.analytics.escalationsSeries({ ...input, tz, bucket });
  const groups = referenceBuckets(rows, w, tz, bucket);
  expect(series.buckets.reduce((s, b) => s + b.n_handoffs_claimed, 0), label).toBe(expected.n_handoffs_claimed);
  expect(series.buckets.reduce((s, b) => s + b.n_handoffs_with_action, 0), label).toBe(expected.n_handoffs_with_action);
  for (const label of groups.keys()) expect(series.buckets.map((b) => b.label)).toContain(label);
  for (const b of series.buckets) {
    expect(statsOf(b), `${label} ${tz} ${bucket} ${b.label}`).toEqual(referenceWindowStats(groups.get(b.label) ?? [], target));
  }
  expect(series.buckets[0]!.start).toBe(main.window_start);
  expect(series.buckets.at(-1)!.end).toBe(main.window_end);
  for (let i = 1; i < series.buckets.length; i++) expect(series.buckets[i]!.start).toBe(series.buckets[i - 1]!.end);

  // /breakdown, both ways
  for (const by of ["engineer", "priority"] as const) {
    const breakdown = await d.trpc.analytics.escalationsBreakdown({ ...input, by });
    const byKey = new Map<string | null, RefRow[]>();
    for (const r of rows) {
      const key = by === "engineer" ? r.claimedBy : r.priority;
      byKey.set(key, [...(byKey.get(key) ?? []), r]);
    }
    const expectedGroups = [...byKey.entries()]
      .map(([key, rs]) => ({ key, label: by === "engineer" ? userLabel(d, key) : (key ?? NO_PRIORITY_LABEL), ...referenceWindowStats(rs, target) }))
      .sort((a, b) => compareGroups({ n: a.n_handoffs_claimed, ...a }, { n: b.n_handoffs_claimed, ...b }));
    expect(breakdown.groups.map((g) => ({ key: g.key, label: g.label, ...statsOf(g) })), `${by} ${label}`).toEqual(expectedGroups);
    expect(breakdown.groups.reduce((s, g) => s + g.n_handoffs_claimed, 0)).toBe(expected.n_handoffs_claimed);
  }

  // /distribution
  const distribution = await d.trpc.analytics.escalationsDistribution(input);
  expect(distribution.bands.map((b) => b.count), label).toEqual(referenceBands(rows));
  expect(distribution.bands.map((b) => [b.min_seconds, b.max_seconds])).toEqual(BAND_LIMITS_S);
  expect(distribution.bands.reduce((s, b) => s + b.count, 0)).toBe(expected.n_handoffs_with_action);
  expect(distribution.n_handoffs_without_action).toBe(expected.n_handoffs_claimed - expected.n_handoffs_with_action);
  expect(BANDS).toHaveLength(referenceBands(rows).length);

  // /handoffs: every limit 1..7 pages through each row exactly once, in order
  const ordered = pageOrder(rows);
  for (let limit = 1; limit <= 7; limit++) {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 1000; pages++) {
      const page = await d.trpc.analytics.escalationsHandoffs({ ...input, limit, ...(cursor ? { cursor } : {}) });
      expect(page.n_total).toBe(rows.length);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((i) => i.handoff_id));
      if (page.next_cursor === null) break;
      cursor = page.next_cursor;
    }
    expect(seen, `limit ${limit} ${label}`).toEqual(ordered.map((r) => r.id));
  }
  const firstPage = await d.trpc.analytics.escalationsHandoffs({ ...input, limit: 500 });
  expect(firstPage.items.map((i) => [i.handoff_id, i.seconds_to_first_action])).toEqual(
    ordered.map((r) => [r.id, r.deltaUs === null ? null : usToSeconds(r.deltaUs)]),
  );
  for (const [action, min, max] of [["with", undefined, undefined], ["without", undefined, undefined], [undefined, 60, 900]] as const) {
    const filtered = await d.trpc.analytics.escalationsHandoffs({ ...input, limit: 500, action, min_seconds: min, max_seconds: max });
    const want = ordered.filter((r) =>
      action === "with" ? r.deltaUs !== null
        : action === "without" ? r.deltaUs === null
          : r.deltaUs !== null && r.deltaUs >= BigInt(min!) * SECOND && r.deltaUs < BigInt(max!) * SECOND);
    expect(filtered.items.map((i) => i.handoff_id), `${action ?? `${min}-${max}`} ${label}`).toEqual(want.map((r) => r.id));
    expect(filtered.n_total).toBe(want.length);
  }

  // handoffs.csv: the statistics recomputed from its seconds column equal /escalations
  const query = new URLSearchParams(Object.entries(input).filter(([, v]) => v !== undefined) as [string, string][]);
  const csv = await rest.get(`/api/v1/analytics/flowpilot/escalations/handoffs.csv?${query}`, d.token);
  expect(csv.status).toBe(200);
  const parsed = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data.map((r) => r.handoff_id)).toEqual(ordered.map((r) => r.id));
  const fromCsv = referenceStats(parsed.data.map((r) => (r.seconds_to_first_action ? secondsTextToUs(r.seconds_to_first_action) : null)));
  expect({ ...fromCsv, n_within_target: main.n_within_target }, `csv ${label}`).toEqual(statsOf(main));
  return rows.length;
}

describe("the report reconciles with the reference", () => {
  it.each([
    [11, 900],
    [12, null],
    [13, 60],
  ])("seed %i (target %s)", async (seed, target) => {
    const d = await randomHistory(seed, target);
    const rnd = seededRandom(seed * 7919);
    for (let i = 0; i < 4; i++) await reconcileWindow(d, randomWindow(rnd, d.nowUs), filtersFor(rnd, d), rnd, target);
    // The whole history as one window, no filter: every handoff of the data set.
    const all = await reconcileWindow(d, { startUs: d.nowUs - 45n * DAY, endUs: d.nowUs - SECOND / 2n, endInclusive: true }, {}, rnd, target);
    expect(all).toBeGreaterThan(100);
  }, 240_000);
});
