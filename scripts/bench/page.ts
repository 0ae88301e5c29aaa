/**
 * `npm run bench:page [-- --runs 5] [--skip-build] [--database flowpilot_bench]`
 *
 * The analytics page in the browser, on the production build, over the bench
 * data set (`npm run bench` builds it; its "large" account has 100k handoffs,
 * about 68k claimed in the last 90 days):
 *
 *  - whether the server-rendered HTML of /analytics/escalations?period=90d
 *    already carries the headline numbers (server-side prefetch);
 *  - in headless Chromium, each run in a fresh browser context (empty
 *    cache), from navigation start: when the page is hydrated (its controls
 *    answer; the headline came with the HTML), and when it is wholly
 *    interactive (every panel shows its data, both charts drawn);
 *  - the client JavaScript each page loads (what the browser fetched,
 *    compressed as served and decoded), and whether the queue page loads the
 *    chart library.
 *
 * Prints a markdown table. Timings are wall-clock on this machine; compare
 * runs on a quiet machine only.
 */
import { chromium, type Browser } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { runScript } from "@/ops/run";
import { OperatorError } from "@/ops/errors";
import { openScriptDatabase } from "@/ops/db/connection";
import { freePort } from "../../tests/support/net";
import { buildApp, startApp } from "../load/server";
import { openExisting } from "./database";
import { log } from "./progress";
import type { GeneratedAccount } from "./generate";

type Options = { runs: number; skipBuild: boolean; database: string };

function parseArgs(argv: string[]): Options {
  const o: Options = { runs: 5, skipBuild: false, database: "flowpilot_bench" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--runs") o.runs = Math.max(1, Math.round(Number(argv[++i])));
    else if (a === "--skip-build") o.skipBuild = true;
    else if (a === "--database") o.database = argv[++i] ?? o.database;
    else throw new OperatorError(`unknown option ${a}`);
  }
  return o;
}

const SECRET = "bench-page-secret-only-for-this-run-0123456789";
const PAGE = "/analytics/escalations?period=90d";
// A string only the chart library's bundle contains (its root class name).
const CHART_LIBRARY_MARK = "recharts-wrapper";

type Run = { fcp: number; hydrated: number; interactive: number };
type Js = { files: number; transferred: number; decoded: number; chartLibrary: boolean };

/** What a page loaded as JavaScript, from the browser's resource timings. */
async function scriptsOf(browser: Browser, origin: string, cookie: { name: string; value: string }, path: string): Promise<Js> {
  const context = await browser.newContext();
  await context.addCookies([{ ...cookie, url: origin }]);
  const page = await context.newPage();
  await page.goto(origin + path);
  await page.waitForLoadState("networkidle");
  const entries = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((e) => (e as PerformanceResourceTiming).initiatorType === "script" || e.name.endsWith(".js"))
      .map((e) => ({ url: e.name, transferred: (e as PerformanceResourceTiming).encodedBodySize, decoded: (e as PerformanceResourceTiming).decodedBodySize })),
  );
  let chartLibrary = false;
  for (const e of entries) {
    const body = await (await page.request.get(e.url)).text();
    if (body.includes(CHART_LIBRARY_MARK)) chartLibrary = true;
  }
  await context.close();
  return {
    files: entries.length,
    transferred: entries.reduce((s, e) => s + e.transferred, 0),
    decoded: entries.reduce((s, e) => s + e.decoded, 0),
    chartLibrary,
  };
}

async function oneRun(browser: Browser, origin: string, cookie: { name: string; value: string }): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ ...cookie, url: origin }]);
  const page = await context.newPage();
  await page.goto(origin + PAGE, { waitUntil: "commit" });
  // Hydrated: the controls answer (React has attached to them); the headline is already painted by the server.
  const hydrated = await page.waitForFunction(
    () => {
      const toggle = document.querySelector('[data-testid="trend-view-toggle"]');
      return toggle && Object.keys(toggle).some((k) => k.startsWith("__reactProps")) ? performance.now() : false;
    },
    undefined,
    { polling: "raf", timeout: 60_000 },
  );
  const hydratedMs = (await hydrated.jsonValue()) as number;
  // Interactive: React has attached to the controls, no panel is loading, both charts are drawn.
  const interactive = await page.waitForFunction(
    () => {
      const toggle = document.querySelector('[data-testid="trend-view-toggle"]');
      const hydrated = !!toggle && Object.keys(toggle).some((k) => k.startsWith("__reactProps"));
      const busy = document.querySelector('[aria-busy="true"], .animate-pulse');
      const charts = document.querySelectorAll('[data-testid$="-chart"] .recharts-surface').length >= 2;
      const tables = document.querySelectorAll('[data-testid="breakdown-row"]').length > 0;
      return hydrated && !busy && charts && tables ? performance.now() : false;
    },
    undefined,
    { polling: "raf", timeout: 60_000 },
  );
  const ms = (await interactive.jsonValue()) as number;
  const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
  await context.close();
  return { fcp, hydrated: hydratedMs, interactive: ms };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

runScript(async () => {
  const o = parseArgs(process.argv.slice(2));
  const server = await openScriptDatabase(log);
  try {
    const existing = await openExisting(server.url, o.database, { dataVersion: 2, kind: "default", scale: 1 });
    if (!existing) throw new OperatorError(`${o.database} has no bench data at scale 1: run \`npm run bench\` first.`);
    const large = (existing.marker.accounts as GeneratedAccount[]).find((a) => a.name === "large")!;
    if (!o.skipBuild) buildApp(log);
    const port = await freePort();
    const app = await startApp(port, { DATABASE_URL: existing.url, NEXTAUTH_SECRET: SECRET });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });
    try {
      const cookie = { name: "next-auth.session-token", value: await encode({ token: { sub: large.userId }, secret: SECRET }) };
      const headers = { cookie: `${cookie.name}=${cookie.value}` };

      const html = await (await fetch(app.origin + PAGE, { headers })).text();
      const firstPaintHasHeadline = html.includes('data-testid="metric-median"') && html.includes('data-testid="change-median"');
      if (!firstPaintHasHeadline) throw new Error("the server-rendered page does not carry the headline numbers");

      log("warm-up run (server caches, not reported) …");
      await oneRun(browser, app.origin, cookie);
      const runs: Run[] = [];
      for (let i = 0; i < o.runs; i++) {
        runs.push(await oneRun(browser, app.origin, cookie));
        log(`run ${i + 1}: interactive at ${runs.at(-1)!.interactive.toFixed(0)} ms`);
      }
      const analytics = await scriptsOf(browser, app.origin, cookie, PAGE);
      const queue = await scriptsOf(browser, app.origin, cookie, "/queue");

      const interactive = runs.map((r) => r.interactive);
      console.log(
        [
          "",
          `Analytics page, ${PAGE}, account "large" (${large.handoffs.toLocaleString("en-US")} handoffs), ${o.runs} runs, fresh browser context each:`,
          "",
          "| measure | median | max |",
          "|---|---:|---:|",
          `| first contentful paint (ms) | ${median(runs.map((r) => r.fcp)).toFixed(0)} | ${Math.max(...runs.map((r) => r.fcp)).toFixed(0)} |`,
          `| hydrated: controls answer, headline on screen (ms) | ${median(runs.map((r) => r.hydrated)).toFixed(0)} | ${Math.max(...runs.map((r) => r.hydrated)).toFixed(0)} |`,
          `| interactive: hydrated, every panel loaded, charts drawn (ms) | ${median(interactive).toFixed(0)} | ${Math.max(...interactive).toFixed(0)} |`,
          "",
          `Server-rendered HTML carries the headline numbers: ${firstPaintHasHeadline ? "yes" : "no"}`,
          "",
          "| page | JS files | JS as served (compressed) | JS decoded | loads the chart library |",
          "|---|---:|---:|---:|---|",
          `| /analytics/escalations | ${analytics.files} | ${kb(analytics.transferred)} | ${kb(analytics.decoded)} | ${analytics.chartLibrary ? "yes" : "no"} |`,
          `| /queue | ${queue.files} | ${kb(queue.transferred)} | ${kb(queue.decoded)} | ${queue.chartLibrary ? "yes" : "no"} |`,
        ].join("\n"),
      );
    } finally {
      await browser.close();
      await app.stop();
    }
  } finally {
    await server.release();
  }
});
