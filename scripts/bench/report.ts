/**
 * The report endpoints at scale, on the large account's 90-day window.
 *
 * (a) production: the tRPC procedures, exactly as the UI and REST call them;
 * (b) the straightforward method: every claimed handoff of the window with a
 *     per-handoff "first step after the claim" probe, shipped to Node, then
 *     bucketed, grouped, banded and summarised in JS.
 * Plus a /handoffs page at several depths (keyset cursors) and the CSV of
 * the whole window streamed through its route handler, with the process's
 * peak RSS growth while it streams.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { createCaller } from "@/server/api/root";
import { createContextInner } from "@/server/api/context";
import { createHandoffsCsvHandler, HANDOFFS_CSV_PATH } from "@/server/api/rest/handoffs-csv";
import { encodeCursor } from "@/server/api/routers/analytics/handoffs.handler";
import { BANDS } from "@/server/api/routers/analytics/distribution.types";
import type { Caller } from "@/server/auth/roles";
import { measure, type Timing } from "./read-path";
import { captureSql, explainWithApp } from "./plans";
import { log } from "./progress";

type ProbeRow = { claimed_at: Date; first_step_at: Date | null; claimed_by: string | null; priority: string };
type Stats = { n: number; withAction: number; avg: number | null; median: number | null; p95: number | null };

/** A window fixed once, so that both methods count the same claims however far apart they run. */
type Pinned = { from: string; to: string };

/** (b): one correlated probe per handoff, every row to Node. */
async function probe(db: Db, accountId: string, w: Pinned): Promise<ProbeRow[]> {
  return db.$queryRaw<ProbeRow[]>(Prisma.sql`
    SELECT h.claimed_at, h.claimed_by::text AS claimed_by, h.priority,
           (SELECT min(s.created_at) FROM ai_session_steps s
             WHERE s.session_id = h.session_id AND s.created_at > h.claimed_at) AS first_step_at
      FROM session_handoffs h
     WHERE h.account_id = ${accountId}::uuid
       AND h.claimed_at >= ${w.from}::timestamptz AND h.claimed_at <= ${w.to}::timestamptz`);
}

const deltaSeconds = (r: ProbeRow) => (r.first_step_at ? (r.first_step_at.getTime() - r.claimed_at.getTime()) / 1000 : null);

function jsStats(rows: ProbeRow[]): Stats {
  const d = rows.map(deltaSeconds).filter((x): x is number => x !== null).sort((a, b) => a - b);
  const n = d.length;
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: rows.length,
    withAction: n,
    avg: n ? round3(d.reduce((a, b) => a + b, 0) / n) : null,
    median: n ? round3(n % 2 ? d[(n - 1) / 2]! : (d[n / 2 - 1]! + d[n / 2]!) / 2) : null,
    p95: n ? round3(d[Math.ceil(0.95 * n) - 1]!) : null,
  };
}

function groupBy<K>(rows: ProbeRow[], key: (r: ProbeRow) => K): Map<K, ProbeRow[]> {
  const m = new Map<K, ProbeRow[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}

/** (b) for each endpoint; day buckets in UTC (the bench accounts' zone). */
const straightforward = {
  series: async (db: Db, accountId: string, w: Pinned) =>
    [...groupBy(await probe(db, accountId, w), (r) => r.claimed_at.toISOString().slice(0, 10)).values()].map(jsStats),
  breakdown: async (db: Db, accountId: string, w: Pinned) =>
    [...groupBy(await probe(db, accountId, w), (r) => r.claimed_by).values()].map(jsStats).sort((a, b) => b.n - a.n),
  distribution: async (db: Db, accountId: string, w: Pinned) => {
    const deltas = (await probe(db, accountId, w)).map(deltaSeconds);
    return BANDS.map((b) => deltas.filter((x) => x !== null && x >= b.min_seconds && (b.max_seconds === null || x < b.max_seconds)).length);
  },
};

export type EndpointCase = { endpoint: string; production: Timing; straightforward: Timing; ratioP50: number; countsAgree: boolean };
export type PageCase = { depth: number; timing: Timing };
export type CsvCase = { rows: number; bytes: number; seconds: number; rssGrowthMb: number; rssBeforeMb: number };
export type ReportPlan = { endpoint: string; sql: string; executionMs: number; text: string };
export type ReportBench = { endpoints: EndpointCase[]; pages: PageCase[]; csv: CsvCase; plans: ReportPlan[] };

/** EXPLAIN ANALYZE of the main statement (the longest) each endpoint sends, on the app's connection settings. */
async function reportPlans(url: string, db: Db, caller: Caller, cursor: string | undefined): Promise<ReportPlan[]> {
  const calls: [string, (d: Db) => Promise<unknown>][] = [
    ["series", (d) => createCaller(createContextInner({ db: d, caller })).analytics.escalationsSeries({ period: "90d", tz: "UTC" })],
    ["breakdown", (d) => createCaller(createContextInner({ db: d, caller })).analytics.escalationsBreakdown({ period: "90d", by: "engineer" })],
    ["distribution", (d) => createCaller(createContextInner({ db: d, caller })).analytics.escalationsDistribution({ period: "90d" })],
    ["handoffs page (deep)", (d) => createCaller(createContextInner({ db: d, caller })).analytics.escalationsHandoffs({ period: "90d", limit: 50, cursor })],
  ];
  const plans: ReportPlan[] = [];
  for (const [endpoint, run] of calls) {
    const statements = await captureSql(url, run);
    const main = statements.filter((q) => /session_handoffs|handoff_first_actions/.test(q.sql)).sort((a, b) => b.sql.length - a.sql.length);
    for (const q of endpoint.startsWith("handoffs") ? main : main.slice(0, 1)) {
      const e = await explainWithApp(db, q);
      plans.push({ endpoint, sql: q.sql, executionMs: e.executionMs, text: e.text });
    }
  }
  return plans;
}

export async function benchReport(url: string, db: Db, caller: Caller, o: { warmup: number; runs: number }): Promise<ReportBench> {
  const trpc = createCaller(createContextInner({ db, caller })).analytics;
  const window = { period: "90d" as const, tz: "UTC" };
  // The counts are compared over one fixed window: a rolling 90 days moves
  // between the two methods' runs, and a claim at its edge can fall out.
  const [{ now }] = (await db.$queryRaw<{ now: Date }[]>`SELECT now()`) as [{ now: Date }];
  const pinned = { from: new Date(now.getTime() - 90 * 86_400_000).toISOString(), to: now.toISOString(), tz: "UTC" };
  type Window = typeof window | typeof pinned;
  const endpoints: EndpointCase[] = [];

  const cases = [
    {
      endpoint: "series (90 daily buckets)",
      production: (w: Window) => trpc.escalationsSeries(w),
      counts: (x: Awaited<ReturnType<typeof trpc.escalationsSeries>>) => x.buckets.filter((b) => b.n_handoffs_claimed > 0).map((b) => b.n_handoffs_claimed),
      baseline: () => straightforward.series(db, caller.accountId, pinned),
      baselineCounts: (x: Stats[]) => x.map((s) => s.n),
    },
    {
      endpoint: "breakdown by engineer",
      production: (w: Window) => trpc.escalationsBreakdown({ ...w, by: "engineer" }),
      counts: (x: Awaited<ReturnType<typeof trpc.escalationsBreakdown>>) => x.groups.map((g) => g.n_handoffs_claimed),
      baseline: () => straightforward.breakdown(db, caller.accountId, pinned),
      baselineCounts: (x: Stats[]) => x.map((s) => s.n),
    },
    {
      endpoint: "distribution",
      production: (w: Window) => trpc.escalationsDistribution(w),
      counts: (x: Awaited<ReturnType<typeof trpc.escalationsDistribution>>) => x.bands.map((b) => b.count),
      baseline: () => straightforward.distribution(db, caller.accountId, pinned),
      baselineCounts: (x: number[]) => x,
    },
  ] as const;

  for (const c of cases) {
    log(`report: ${c.endpoint} …`);
    const production = c.production as (w: Window) => Promise<unknown>;
    const a = await measure(() => production(window), o.warmup, o.runs);
    const b = await measure(c.baseline as () => Promise<unknown>, Math.min(o.warmup, 1), Math.max(3, Math.round(o.runs / 4)));
    // The baseline compares with millisecond Dates; counts must agree exactly (a delta right at a band edge may differ by < 1 ms).
    const counts = (c.counts as (x: unknown) => number[])(await production(pinned));
    const baseline = (c.baselineCounts as (x: unknown) => number[])(b.result);
    const agree = c.endpoint === "distribution"
      ? counts.reduce((s, x) => s + x, 0) === baseline.reduce((s, x) => s + x, 0)
      : JSON.stringify([...counts].sort()) === JSON.stringify([...baseline].sort());
    endpoints.push({ endpoint: c.endpoint, production: a.timing, straightforward: b.timing, ratioP50: b.timing.p50 / a.timing.p50, countsAgree: agree });
  }

  log("report: /handoffs pages at several depths …");
  const [{ n }] = (await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM session_handoffs
     WHERE account_id = ${caller.accountId}::uuid AND claimed_at >= now() - interval '90 days' AND claimed_at <= now()`) as [{ n: number }];
  const pages: PageCase[] = [];
  let deepest: string | undefined;
  for (const depth of [0, 1_000, Math.floor(n / 2), Math.max(0, n - 60)]) {
    // Where a client would be after paging `depth` rows: the keyset of the depth-th row (found with OFFSET here, in the bench only).
    const [at] = await db.$queryRaw<{ claimed_at: string; id: string }[]>`
      SELECT to_char(claimed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS claimed_at, id::text AS id
        FROM session_handoffs
       WHERE account_id = ${caller.accountId}::uuid AND claimed_at >= now() - interval '90 days' AND claimed_at <= now()
       ORDER BY claimed_at DESC, id DESC OFFSET ${Math.max(0, depth - 1)} LIMIT 1`;
    const cursor = depth > 0 && at ? encodeCursor({ claimedAt: at.claimed_at, id: at.id }) : undefined;
    const t = await measure(() => trpc.escalationsHandoffs({ ...window, limit: 50, ...(cursor ? { cursor } : {}) }), o.warmup, o.runs);
    pages.push({ depth, timing: t.timing });
    deepest = cursor;
  }

  log("report: the 90-day CSV, streamed …");
  const handle = createHandoffsCsvHandler({ createContext: async () => createContextInner({ db, caller }) });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const t0 = performance.now();
  const res = await handle(new Request(`http://bench.local${HANDOFFS_CSV_PATH}?period=90d`));
  let bytes = 0;
  let newlines = 0;
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) newlines++;
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const csv = { rows: newlines - 1, bytes, seconds, rssGrowthMb: (peak - rssBefore) / 2 ** 20, rssBeforeMb: rssBefore / 2 ** 20 };
  log("report: EXPLAIN ANALYZE …");
  return { endpoints, pages, csv, plans: await reportPlans(url, db, caller, deepest) };
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

export function reportLines(r: ReportBench): { lines: string[]; checks: [string, boolean, string][] } {
  const lines = ["", "Report endpoints, large account, 90 days (production vs straightforward: per-handoff probe, statistics in JS):"];
  for (const e of r.endpoints) {
    lines.push(`  ${e.endpoint.padEnd(26)} p50 ${ms(e.production.p50).padStart(6)} ms (p95 ${ms(e.production.p95)})   ` +
      `straightforward p50 ${ms(e.straightforward.p50).padStart(6)} ms   ${e.ratioP50.toFixed(1)}×${e.countsAgree ? "" : "  (COUNTS DIFFER)"}`);
  }
  for (const p of r.pages) lines.push(`  /handoffs page of 50 at depth ${p.depth.toLocaleString("en-US").padStart(7)}: p50 ${ms(p.timing.p50)} ms (p95 ${ms(p.timing.p95)})`);
  for (const p of r.plans) lines.push(`  plan, ${p.endpoint}: ${p.executionMs.toFixed(1)} ms in PostgreSQL`);
  lines.push(`  handoffs.csv 90 days: ${r.csv.rows.toLocaleString("en-US")} rows, ${(r.csv.bytes / 2 ** 20).toFixed(1)} MB in ${r.csv.seconds.toFixed(2)} s; ` +
    `peak RSS growth ${r.csv.rssGrowthMb.toFixed(1)} MB over ${r.csv.rssBeforeMb.toFixed(0)} MB`);
  const checks: [string, boolean, string][] = [
    ...r.endpoints.map((e): [string, boolean, string] => [`${e.endpoint}: p50 ≤ 100 ms and ≥ 8× faster`, e.production.p50 <= 100 && e.ratioP50 >= 8, `${ms(e.production.p50)} ms, ${e.ratioP50.toFixed(1)}×`]),
    [`/handoffs page p50 ≤ 30 ms at every depth`, r.pages.every((p) => p.timing.p50 <= 30), r.pages.map((p) => `${ms(p.timing.p50)} ms`).join(", ")],
    [`handoffs.csv of 90 days in ≤ 2 s`, r.csv.seconds <= 2, `${r.csv.seconds.toFixed(2)} s, ${r.csv.rows.toLocaleString("en-US")} rows`],
    [`report counts agree with the straightforward method`, r.endpoints.every((e) => e.countsAgree), r.endpoints.every((e) => e.countsAgree) ? "yes" : "no"],
  ];
  return { lines, checks };
}
