/**
 * `npm run bench [-- --scale 0.1] [--runs 20] [--warmup 3] [--rebuild] [--skip-write] [--database NAME] [--growth [--sizes 10000,100000,1000000]] [--bootstrap]`
 *
 * Measures the escalations metric at scale, the production path side by side
 * with the seed's method, on a dedicated database (flowpilot_bench, or
 * flowpilot_bench_growth for --growth) on the DATABASE_URL server or the
 * embedded one. Data is generated once per scale and reused. Prints a table
 * and writes the full results as JSON under .bench/.
 *
 * --growth measures instead how the 90-day latency grows with the number of
 * handoffs in the window: one account per size, every handoff claimed in the
 * last 90 days, two steps per session.
 *
 * It also prints the metric's p50 with row-level security on and off, in the
 * same run (rls.ts).
 *
 * Every run also times the savings comparison's bootstrap (bootstrap.ts);
 * --bootstrap times only that, without a database.
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "@/server/db/client";
import { openScriptDatabase } from "@/ops/db/connection";
import { PERIODS, type Period } from "@/server/api/routers/analytics/escalations.types";
import { callerFromUser, type Caller } from "@/server/auth/roles";
import { generate, type AccountSpec, type GeneratedAccount } from "./generate";
import { openExisting, recreateDatabase, writeMarker, type Marker } from "./database";
import { agree, measure, productionPath, seedMethod, type Summary, type Timing } from "./read-path";
import { captureSql, explainWithApp, explainWithJit, type ExplainResult } from "./plans";
import { measureWriteCost, type WriteCost } from "./write-path";
import { measurePendingCost, type PendingCost } from "./pending";
import { log } from "./progress";
import { benchBootstrap, describeBootstrapBench } from "./bootstrap";
import { benchReport, reportLines, type ReportBench } from "./report";
import { measureRlsCost, rlsLines, type RlsCost } from "./rls";

// 2: handoffs spread over four priorities and eight claiming engineers per account.
const DATA_VERSION = 2;

type Options = {
  scale: number; runs: number; warmup: number; rebuild: boolean; skipWrite: boolean; growth: boolean; sizes: number[];
  bootstrapOnly: boolean;
  /** another database name than the default, e.g. to keep a second data set beside it */
  database?: string;
};

function parseArgs(argv: string[]): Options {
  const o: Options = { scale: 1, runs: 20, warmup: 3, rebuild: false, skipWrite: false, growth: false, sizes: [10_000, 100_000, 1_000_000], bootstrapOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const positive = (v: string) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${a} must be a positive number, got "${v}"`);
      return n;
    };
    if (a === "--scale") o.scale = positive(value());
    else if (a === "--runs") o.runs = Math.round(positive(value()));
    else if (a === "--warmup") o.warmup = Math.round(Number(value()));
    else if (a === "--rebuild") o.rebuild = true;
    else if (a === "--skip-write") o.skipWrite = true;
    else if (a === "--growth") o.growth = true;
    else if (a === "--bootstrap") o.bootstrapOnly = true;
    else if (a === "--sizes") o.sizes = value().split(",").map((s) => Math.round(positive(s)));
    else if (a === "--database") o.database = value();
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

/** Default data set; --scale multiplies every account but the small one. */
function defaultSpecs(scale: number): AccountSpec[] {
  const n = (x: number) => Math.max(100, Math.round(x * scale));
  const common = { claimedFraction: 0.9, spanDays: 120, stepsMin: 5, stepsMax: 15 };
  return [
    { no: 1, name: "large", handoffs: n(100_000), seed: 1001, ...common },
    ...[2, 3, 4, 5].map((no) => ({ no, name: `medium-${no - 1}`, handoffs: n(50_000), seed: 1000 + no, ...common })),
    // About 1k claimed handoffs per 30 days: 4,400 × 0.9 over 120 days.
    { no: 6, name: "small", handoffs: 4_400, seed: 1006, ...common },
  ];
}

function growthSpecs(sizes: number[]): AccountSpec[] {
  // Claims over the last 89.5 days, so all of them stay in the 90-day window for half a day after generation.
  return sizes.map((handoffs, i) => ({
    no: 11 + i, name: `window-${handoffs}`, handoffs, claimedFraction: 1, spanDays: 89.5, stepsMin: 2, stepsMax: 2, seed: 2000 + i,
  }));
}

async function ensureData(serverUrl: string, name: string, wanted: Marker, specs: AccountSpec[], rebuild: boolean) {
  const existing = rebuild ? null : await openExisting(serverUrl, name, wanted);
  if (existing) {
    const m = existing.marker as Marker & { anchor: string };
    log(`reusing ${name}: data generated at ${m.anchor} (run with --rebuild to regenerate)`);
    return existing;
  }
  log(`building ${name} …`);
  const url = await recreateDatabase(serverUrl, name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: [{ now: anchor }] } = (await client.query<{ now: Date }>(`SELECT now() AS now`)) as unknown as { rows: [{ now: Date }] };
    const accounts = await generate(client, specs, anchor);
    log("VACUUM ANALYZE (sets the visibility map the index-only scan relies on) …");
    const t0 = performance.now();
    await client.query("VACUUM (ANALYZE)");
    log(`vacuumed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const { rows: [check] } = await client.query<{ wrong: number; claimed: number; with_action: number }>(`
      SELECT count(*) FILTER (WHERE h.first_action_at IS DISTINCT FROM d.expected)::int AS wrong,
             count(h.claimed_at)::int AS claimed, count(h.first_action_at)::int AS with_action
        FROM session_handoffs h
        CROSS JOIN LATERAL (SELECT CASE WHEN h.claimed_at IS NULL THEN NULL ELSE
          (SELECT min(s.created_at) FROM ai_session_steps s WHERE s.session_id = h.session_id AND s.created_at > h.claimed_at) END AS expected) d`);
    if (check!.wrong !== 0) throw new Error(`${check!.wrong} handoffs have a first_action_at that differs from the definition`);
    log(`first_action_at checked against the definition on every handoff: ${check!.claimed.toLocaleString("en-US")} claimed, ${check!.with_action.toLocaleString("en-US")} with an action, 0 differ`);
    const { rows: counts } = await client.query<{ t: string; n: number }>(`
      SELECT 'handoffs' AS t, count(*)::int AS n FROM session_handoffs UNION ALL
      SELECT 'steps', count(*)::int FROM ai_session_steps UNION ALL SELECT 'sessions', count(*)::int FROM ai_sessions`);
    const marker: Marker = { ...wanted, anchor: anchor.toISOString(), accounts, rows: Object.fromEntries(counts.map((c) => [c.t, c.n])) };
    await writeMarker(client, marker);
    return { url, marker };
  } finally {
    await client.end();
  }
}

function callerFor(a: GeneratedAccount): Caller {
  return callerFromUser({ id: a.userId, accountId: a.accountId, accountRole: "engineer", email: a.email, name: `Bench ${a.name}` });
}

type ReadCase = {
  account: string; period: Period; handoffsInWindow: number; withAction: number;
  production: Timing; seed: Timing; ratioP50: number; resultsAgree: boolean; production_result: Summary; seed_result: Summary;
};

async function readCase(db: Db, account: GeneratedAccount, period: Period, o: Options, seedRuns = o.runs): Promise<ReadCase> {
  const a = await measure(() => productionPath(db, callerFor(account))(period), o.warmup, o.runs);
  const b = await measure(() => seedMethod(db, account.accountId)(period), Math.min(o.warmup, seedRuns), seedRuns);
  const c: ReadCase = {
    account: account.name, period,
    handoffsInWindow: a.result.n_handoffs_claimed, withAction: a.result.n_handoffs_with_action,
    production: a.timing, seed: b.timing, ratioP50: b.timing.p50 / a.timing.p50,
    resultsAgree: agree(a.result, b.result), production_result: a.result, seed_result: b.result,
  };
  log(`${c.account} ${period}: production p50 ${c.production.p50.toFixed(1)} ms, seed method p50 ${c.seed.p50.toFixed(1)} ms${c.resultsAgree ? "" : "  (RESULTS DIFFER)"}`);
  return c;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const int = (x: number) => x.toLocaleString("en-US");

function table(cases: ReadCase[]): string {
  const head = ["account", "period", "claimed in window", "production p50 / p95 (ms)", "seed method p50 / p95 (ms)", "(b)/(a) p50"];
  const rows = cases.map((c) => [
    c.account, c.period, int(c.handoffsInWindow), `${ms(c.production.p50)} / ${ms(c.production.p95)}`,
    `${ms(c.seed.p50)} / ${ms(c.seed.p95)}`, `${c.ratioP50.toFixed(1)}×${c.resultsAgree ? "" : " (differ!)"}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((x, i) => (i < 2 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join(" | ")} |`;
  return [line(head), `|${widths.map((w, i) => (i < 2 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|")}|`, ...rows.map(line)].join("\n");
}

async function plansFor(url: string, db: Db, account: GeneratedAccount, period: Period) {
  const [production] = await captureSql(url, (d) => productionPath(d, callerFor(account))(period));
  const [seed] = await captureSql(url, (d) => seedMethod(d, account.accountId)(period));
  if (!production || !seed) throw new Error("could not capture the SQL from Prisma's query log");
  return {
    account: account.name, period,
    production: { sql: production, app: await explainWithApp(db, production), jitOn: await explainWithJit(url, production) },
    seed: { sql: seed, app: await explainWithApp(db, seed) },
  };
}

const planSummary = (e: ExplainResult) => ({ executionMs: e.executionMs, planningMs: e.planningMs, jit: e.jit, text: e.text });

async function main() {
  const o = parseArgs(process.argv.slice(2));
  log("savings bootstrap …");
  const bootstrap = await benchBootstrap(o.warmup, o.runs);
  if (o.bootstrapOnly) {
    console.log(["", ...describeBootstrapBench(bootstrap)].join("\n"));
    return;
  }
  const server = await openScriptDatabase(log);
  const started = new Date();
  const loadBefore = os.loadavg()[0]!;
  try {
    const name = o.database ?? (o.growth ? "flowpilot_bench_growth" : "flowpilot_bench");
    const specs = o.growth ? growthSpecs(o.sizes) : defaultSpecs(o.scale);
    const wanted: Marker = o.growth ? { dataVersion: DATA_VERSION, kind: "growth", sizes: o.sizes } : { dataVersion: DATA_VERSION, kind: "default", scale: o.scale };
    const { url, marker } = await ensureData(server.url, name, wanted, specs, o.rebuild);
    const accounts = marker.accounts as GeneratedAccount[];
    const db = createDb(url);
    const pgVersion = (await db.$queryRaw<{ v: string }[]>`SELECT version() AS v`)[0]!.v;
    try {
      const cases: ReadCase[] = [];
      let plans: unknown[] = [];
      let writeCost: WriteCost[] = [];
      let pendingCost: PendingCost[] = [];
      let jitFree = true;
      let report: ReportBench | undefined;
      const rlsCosts: RlsCost[] = [];
      if (o.growth) {
        for (const a of accounts) cases.push(await readCase(db, a, "90d", o, a.handoffs >= 500_000 ? Math.min(o.runs, 5) : o.runs));
        const p = await plansFor(url, db, accounts[accounts.length - 1]!, "90d");
        jitFree = p.production.app.jit === null;
        plans = [{ account: p.account, period: p.period, production: planSummary(p.production.app), productionWithJitOn: planSummary(p.production.jitOn), seed: planSummary(p.seed.app) }];
      } else {
        const targets = ["large", "small"].map((n) => accounts.find((a) => a.name === n)!);
        for (const a of targets) for (const period of PERIODS) cases.push(await readCase(db, a, period, o));
        log("row-level security on and off …");
        for (const [a, period] of [[targets[0]!, "90d"], [targets[1]!, "30d"], [targets[1]!, "7d"]] as const) {
          // The small account's reads take milliseconds: more runs for a steady p50.
          rlsCosts.push(await measureRlsCost(db, a, period, o.warmup, a.name === "small" ? o.runs * 10 : o.runs));
        }
        report = await benchReport(url, db, callerFor(targets[0]!), o);
        log("EXPLAIN ANALYZE …");
        for (const [a, period] of [[targets[0]!, "90d"], [targets[1]!, "30d"]] as const) {
          const p = await plansFor(url, db, a, period);
          jitFree &&= p.production.app.jit === null;
          plans.push({ account: p.account, period: p.period, sql: p.production.sql, production: planSummary(p.production.app), productionWithJitOn: planSummary(p.production.jitOn), seed: planSummary(p.seed.app) });
        }
        log("metric with pending recomputations …");
        const pc = new pg.Client({ connectionString: url });
        await pc.connect();
        try {
          pendingCost = await measurePendingCost(pc, targets[0]!.accountId, () => productionPath(db, callerFor(targets[0]!))("90d"), o);
        } finally {
          await pc.end();
        }
        if (!o.skipWrite) {
          log("write-side cost (rolled back, data unchanged) …");
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          try {
            writeCost = await measureWriteCost(c, accounts.find((a) => a.name === "medium-1")!.accountId);
            // The rolled-back rows leave dead tuples and clear visibility-map bits; restore both for the next run.
            await c.query("VACUUM (ANALYZE) ai_session_steps, session_handoffs, first_action_pending");
          } finally {
            await c.end();
          }
        }
      }

      const out: string[] = [];
      out.push("", `Escalations metric, ${o.growth ? "growth with handoffs in the 90-day window" : `scale ${o.scale}`}: ${o.warmup} warm-up + ${o.runs} runs per cell`);
      out.push(`Data: ${Object.entries(marker.rows as Record<string, number>).map(([k, v]) => `${int(v)} ${k}`).join(", ")} (generated ${String(marker.anchor)})`);
      const loadAfter = os.loadavg()[0]!;
      out.push(`${pgVersion.split(" on ")[0]}, node ${process.version}, ${os.cpus().length} cores, load average ${loadBefore.toFixed(1)} at start, ${loadAfter.toFixed(1)} at end`, "", table(cases), "");
      if (pendingCost.length) {
        out.push(`Metric with pending recomputations (large 90d, production path, ${o.runs} runs):`);
        for (const p of pendingCost) {
          out.push(`  ${int(p.pendingSessions).padStart(5)} sessions pending: p50 ${ms(p.timing.p50)} ms, p95 ${ms(p.timing.p95)} ms`);
        }
        out.push("");
      }
      if (writeCost.length) {
        out.push("Step inserts (in a rolled-back transaction, p50 of 3):");
        for (const w of writeCost) {
          out.push(`  ${w.shape}: ${int(w.rowsPerSecondWith)} rows/s with the triggers, ${int(w.rowsPerSecondWithout)} rows/s without (${(w.rowsPerSecondWithout / w.rowsPerSecondWith).toFixed(2)}× cost)`);
        }
        out.push("");
      }
      out.push(`JIT in the production query's plan (app connection): ${jitFree ? "none" : "PRESENT"}`);
      for (const p of plans as { account: string; period: string; productionWithJitOn: { jit: Record<string, unknown> | null; executionMs: number } }[]) {
        const j = p.productionWithJitOn.jit as { Timing?: { Total?: number } } | null;
        out.push(`  with jit = on instead (${p.account} ${p.period}): ${j ? `JIT would spend ${j.Timing?.Total?.toFixed(1) ?? "?"} ms of ${p.productionWithJitOn.executionMs.toFixed(1)} ms` : "no JIT either (cost below jit_above_cost)"}`);
      }
      if (!o.growth) {
        const large90 = cases.find((c) => c.account === "large" && c.period === "90d")!;
        const small = cases.filter((c) => c.account === "small");
        const checks = [
          [`large 90d p50 ≤ 100 ms`, large90.production.p50 <= 100, `${ms(large90.production.p50)} ms`],
          [`large 90d ≥ 8× faster than the seed's method`, large90.ratioP50 >= 8, `${large90.ratioP50.toFixed(1)}×`],
          [`small, every period, p50 ≤ 10 ms`, small.every((c) => c.production.p50 <= 10), small.map((c) => `${c.period} ${ms(c.production.p50)} ms`).join(", ")],
          [`no JIT in the production plan`, jitFree, jitFree ? "none" : "present"],
          [`both paths give the same numbers`, cases.every((c) => c.resultsAgree), cases.every((c) => c.resultsAgree) ? "yes" : "no"],
        ] as const;
        const reported = reportLines(report!);
        out.push(...reported.lines);
        const rls = rlsLines(rlsCosts);
        out.push("", ...rls.lines);
        out.push("", "Targets:");
        for (const [what, ok, value] of [...checks, ...reported.checks, ...rls.checks]) out.push(`  ${ok ? "PASS" : "FAIL"}  ${what}  (${value})`);
      }
      out.push("", ...describeBootstrapBench(bootstrap));
      console.log(out.join("\n"));

      const dir = path.resolve(".bench");
      await mkdir(dir, { recursive: true });
      const stamp = started.toISOString().replace(/[:.]/g, "-");
      const file = path.join(dir, `${o.growth ? "growth" : `scale-${o.scale}`}-${stamp}.json`);
      const json = JSON.stringify({ startedAt: started, options: o, cores: os.cpus().length, loadAverage: { start: loadBefore, end: loadAfter }, postgres: pgVersion, node: process.version, marker, cases, pendingCost, report, rlsCosts, writeCost, plans, bootstrap }, null, 2);
      await writeFile(file, json);
      await writeFile(path.join(dir, `latest${o.growth ? "-growth" : ""}.json`), json);
      log(`results written to ${path.relative(process.cwd(), file)}`);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await server.release();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
