/**
 * `npm run load [-- --duration 30] [--rate 200] [--capacity-seconds 10] [--accounts 1000] [--connections 10] [--skip-build] [--fault | --soak | --profile] [--server-heap-mb MB]`
 *
 * The app at real traffic, self-contained: a PostgreSQL instance of its own
 * (postgres.ts), migrated and seeded with ACCOUNTS small tenants (seed.ts),
 * the production build served by `next start` on a loopback port, and
 * autocannon sending the traffic (traffic.ts). Prints markdown tables.
 *
 * Phases of the default run:
 *  1. warm-up (not reported);
 *  2. capacity: /api/health and the authenticated stat card (REST, API
 *     keys) in alternating turns, each as fast as `--connections` allow, and
 *     their ratio;
 *  3. mixed load offered at `--rate` req/s for `--duration` s: stat-card
 *     reads with API keys (40 %), queue reads with session cookies (40 %),
 *     claims (10 %) and notes (10 %, step writes), plus one key sent over its
 *     rate limit on purpose (its 429s are the only expected errors);
 *  4. every claim and note answered 2xx is looked up in the database.
 *
 * `--fault` runs phase 3 with a crash of PostgreSQL (immediate stop) at a
 * third of the run and a start OUTAGE_SECONDS later, and reports what the app
 * answered meanwhile and how long it took to recover. `--soak` runs phase 3
 * for 10 minutes (or `--duration`) and samples the server's RSS. `--profile`
 * serves /api/health, the stat card and the queue read one after the other
 * as fast as it can, and prints where the server's CPU went and which
 * statements each request sent (profile.ts).
 *
 * Every loop is bounded by a count or a time; traffic goes to 127.0.0.1 only.
 * Each stat-card key stays under its per-minute limit: requests are spread
 * round-robin over the ACCOUNTS keys (the server runs with
 * API_KEY_RATE_LIMIT_PER_MINUTE=120, set explicitly).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { encode } from "next-auth/jwt";
import { applyMigrations, MIGRATIONS_DIR } from "@/ops/db/migrations";
import { runScript } from "@/ops/run";
import { OperatorError } from "@/ops/errors";

class UsageError extends OperatorError {
  override readonly exitCode = 2;
}
import { freePort } from "../../tests/support/net";
import { startLoadPostgres, type LoadPostgres } from "./postgres";
import { loadId, OPEN_PER_ACCOUNT, seedLoad, SESSIONS_PER_ACCOUNT, USERS, type Seeded } from "./seed";
import { buildApp, cpuSeconds, rssBytes, startApp, type AppServer } from "./server";
import { cpuByStage, monotonicUs, newestProfile, profileTable, sourceMapper } from "./profile";
import { fire, startClock, type Clock, type Kind, type RequestSpec, type Shot } from "./traffic";
import {
  analyzeOutage, errorCount, kindTable, memoryTrend, overall, summarize, type Sample,
} from "./stats";

const log = (line: string) => console.error(line);
const out = (line = "") => console.log(line);

const RATE_LIMIT_PER_MINUTE = 120;
const OUTAGE_SECONDS = 5;
const CAPACITY_TURNS = 5;
const SOAK_SECONDS = 600;
const SAMPLE_RSS_EVERY_MS = 5_000;
/** targets from issue 14, checked at the end of the run */
const TARGETS = { ratio: 0.6, p99Ms: 100 };

type Options = {
  duration: number; rate: number; capacitySeconds: number; accounts: number; connections: number;
  skipBuild: boolean; fault: boolean; soak: boolean; profile: boolean;
  /** the server's V8 old-space limit, to tell a leak from a heap that grows because it may */
  serverHeapMb?: number;
};

function parseArgs(argv: readonly string[]): Options {
  const o: Options = {
    duration: 30, rate: 200, capacitySeconds: 10, accounts: 1000, connections: 10, skipBuild: false, fault: false, soak: false, profile: false,
  };
  let durationGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const number = (min: number, max: number) => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < min || v > max) throw new UsageError(`${a} needs a number from ${min} to ${max}`);
      return v;
    };
    if (a === "--duration") { o.duration = number(1, 3600); durationGiven = true; }
    else if (a === "--rate") o.rate = number(1, 5000);
    else if (a === "--capacity-seconds") o.capacitySeconds = number(1, 600);
    else if (a === "--accounts") o.accounts = Math.round(number(10, 100_000));
    else if (a === "--connections") o.connections = Math.round(number(1, 200));
    else if (a === "--skip-build") o.skipBuild = true;
    else if (a === "--fault") o.fault = true;
    else if (a === "--soak") o.soak = true;
    else if (a === "--profile") o.profile = true;
    else if (a === "--server-heap-mb") o.serverHeapMb = Math.round(number(64, 16_384));
    else throw new UsageError(`Unknown option ${a}. Options: --duration S --rate R --capacity-seconds S --accounts N --connections N --skip-build --fault --soak --profile --server-heap-mb MB`);
  }
  if ([o.fault, o.soak, o.profile].filter(Boolean).length > 1) throw new UsageError("--fault, --soak and --profile are separate runs; pass one of them.");
  if (o.soak && !durationGiven) o.duration = SOAK_SECONDS;
  if (o.fault && o.duration < OUTAGE_SECONDS * 3) throw new UsageError(`--fault needs --duration of at least ${OUTAGE_SECONDS * 3} s`);
  return o;
}

/** The request kinds, over the seeded accounts. */
function kinds(seeded: Seeded, cookies: Map<string, string>, written: { claims: string[]; notes: string[] }) {
  const n = seeded.accounts.length;
  let statCard = 0;
  let queue = 0;
  let claim = 0;
  let note = 0;
  const noteSessions = Array.from({ length: SESSIONS_PER_ACCOUNT }, (_, i) => i + 1).filter(
    (g) => g > OPEN_PER_ACCOUNT && g % 3 === 0, // claimed by engineer 3 (seed.ts)
  );
  const cookie = (account: number, user: number) => cookies.get(loadId(account, "user", user))!;
  const trpcPost = (path: string, account: number, input: unknown): RequestSpec => ({
    method: "POST",
    path: `/api/trpc/${path}`,
    headers: { cookie: cookie(account, USERS.engineer), "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  const statCardRequest = (key: string): RequestSpec => ({
    method: "GET",
    path: "/api/v1/analytics/flowpilot/escalations?period=30d",
    headers: { authorization: `Bearer ${key}` },
  });
  return {
    health: { name: "/api/health", next: () => ({ method: "GET", path: "/api/health", headers: {} }) } satisfies Kind,
    statCard: {
      name: "stat card (REST, API key)",
      next: () => statCardRequest(seeded.accounts[statCard++ % n]!.readKey),
    } satisfies Kind,
    queue: {
      name: "queue read (tRPC, cookie)",
      next: () => {
        const i = queue++;
        const account = (i % n) + 1;
        const user = Math.floor(i / n) % 2 === 0 ? USERS.engineer : USERS.viewer;
        return { method: "GET", path: "/api/trpc/queue.open", headers: { cookie: cookie(account, user) } };
      },
    } satisfies Kind,
    claim: {
      name: "claim (tRPC, cookie)",
      // Each open handoff is claimed once; past the seeded supply claims
      // start over and lose (409), which the run reports as such.
      next: () => {
        const i = claim++;
        const account = (i % n) + 1;
        const g = (Math.floor(i / n) % OPEN_PER_ACCOUNT) + 1;
        return trpcPost("queue.claim", account, { handoffId: loadId(account, "handoff", g) });
      },
      onSuccess: (_body, request) => written.claims.push((JSON.parse(request.body!) as { handoffId: string }).handoffId),
    } satisfies Kind,
    note: {
      name: "note (tRPC, cookie: step write)",
      next: () => {
        const i = note++;
        const account = (i % n) + 1;
        const g = noteSessions[Math.floor(i / n) % noteSessions.length]!;
        return trpcPost("queue.addNote", account, { sessionId: loadId(account, "session", g), text: `Load note ${i}` });
      },
      onSuccess: (body) => written.notes.push((JSON.parse(body) as { result: { data: { id: string } } }).result.data.id),
    } satisfies Kind,
    overLimit: {
      name: "over-limit key (deliberate 429)",
      next: () => statCardRequest(seeded.overLimitKey),
      expected: [429],
    } satisfies Kind,
  };
}

type Kinds = ReturnType<typeof kinds>;

/** The mixed load's shots: shares of `rate`, and the over-limit key beside them. */
function mixedShots(k: Kinds, rate: number, seconds: number, connections: number): Shot[] {
  const overLimitSeconds = Math.min(seconds, 15);
  const share = (kind: Kind, fraction: number): Shot => ({
    kind, rate: rate * fraction, seconds, connections: Math.max(1, Math.round(connections * fraction * 2)),
  });
  return [
    share(k.statCard, 0.4), share(k.queue, 0.4), share(k.claim, 0.1), share(k.note, 0.1),
    // One key, RATE_LIMIT_PER_MINUTE + 30 requests within 15 s: the first
    // RATE_LIMIT_PER_MINUTE pass, the rest must be 429.
    { kind: k.overLimit, rate: (RATE_LIMIT_PER_MINUTE + 30) / overLimitSeconds, seconds: overLimitSeconds, connections: 4 },
  ];
}

const expectedOf = (k: Kinds) =>
  Object.fromEntries(Object.values(k).map((kind: Kind) => [kind.name, kind.expected ?? []]));

const offeredOf = (shots: readonly Shot[]) => Object.fromEntries(shots.map((s) => [s.kind.name, s.rate ?? 0]));

async function mintCookies(seeded: Seeded, secret: string): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  for (const a of seeded.accounts) {
    for (const user of [USERS.engineer, USERS.viewer]) {
      const id = loadId(a.no, "user", user);
      cookies.set(id, `next-auth.session-token=${await encode({ token: { sub: id }, secret })}`);
    }
  }
  return cookies;
}

async function verifyWrites(url: string, written: { claims: string[]; notes: string[] }) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ claims: number; notes: number }>(
      `SELECT (SELECT count(*) FROM session_handoffs WHERE id = ANY($1::uuid[]) AND claimed_at IS NOT NULL
                 AND claimed_by = ('' || substr(id::text, 1, 8) || '-0001-4000-8000-' || lpad(to_hex(${USERS.engineer}), 12, '0'))::uuid)::int AS claims,
              (SELECT count(*) FROM ai_session_steps WHERE id = ANY($2::uuid[]) AND step_type = 'engineer_note')::int AS notes`,
      [written.claims, written.notes],
    );
    const found = rows[0]!;
    const claims = new Set(written.claims).size;
    return { claims, claimsFound: found.claims, notes: written.notes.length, notesFound: found.notes };
  } finally {
    await c.end();
  }
}

function printTargets(lines: [string, string, boolean | null][]) {
  out("| target | measured | met |");
  out("| --- | --- | :---: |");
  for (const [target, measured, met] of lines) out(`| ${target} | ${measured} | ${met === null ? "–" : met ? "yes" : "no"} |`);
}

runScript(async () => {
  const o = parseArgs(process.argv.slice(2));
  const started = new Date();
  log(`load test: ${o.accounts} accounts, mixed load ${o.rate} req/s for ${o.duration} s${o.fault ? ", with a database crash" : ""}${o.soak ? ", soak" : ""}`);
  if (!o.skipBuild) buildApp(log);

  const database: LoadPostgres = startLoadPostgres(await freePort(), { statements: o.profile });
  const profileDir = o.profile ? mkdtempSync(path.join(os.tmpdir(), "flowpilot-load-profile-")) : undefined;
  let app: AppServer | undefined;
  try {
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE flowpilot_load`);
    await admin.end();
    const url = database.url.replace(/\/postgres$/, "/flowpilot_load");
    await applyMigrations(url, MIGRATIONS_DIR);
    const seeded = await seedLoad(url, o.accounts, log);

    const secret = randomBytes(32).toString("base64url");
    app = await startApp(await freePort(), {
      DATABASE_URL: url,
      NEXTAUTH_SECRET: secret,
      API_KEY_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE),
    }, [
      ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
      ...(o.serverHeapMb ? [`--max-old-space-size=${o.serverHeapMb}`] : []),
    ]);
    log(`server at ${app.origin}, pid ${app.pid()}`);
    const cookies = await mintCookies(seeded, secret);
    const written = { claims: [] as string[], notes: [] as string[] };
    const k = kinds(seeded, cookies, written);
    const expected = expectedOf(k);
    const clock = startClock();

    log("warm-up…");
    await fire(app.origin, [k.health, k.statCard, k.queue, k.claim, k.note].map((kind) => ({ kind, rate: 10, seconds: 3, connections: 2 })), clock);
    written.claims.length = 0;
    written.notes.length = 0;

    out(`## npm run load${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`);
    out();
    out(`${started.toISOString()}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} at start; ` +
      `${o.accounts} accounts; API_KEY_RATE_LIMIT_PER_MINUTE=${RATE_LIMIT_PER_MINUTE}; the load generator runs on the same machine.`);
    out();

    if (profileDir) {
      await profileKinds(app, url, [k.health, k.statCard, k.queue], o, clock, profileDir);
      app = undefined;
      return 0;
    }

    let ratio: number | null = null;
    if (!o.fault && !o.soak) {
      log(`capacity: /api/health and the stat card in turns, ${o.capacitySeconds} s each in all, ${o.connections} connections…`);
      // In CAPACITY_TURNS alternating slices rather than one block each, so
      // that a change in the machine's other load during the phase weighs on
      // both sides of the ratio alike.
      const slice = o.capacitySeconds / CAPACITY_TURNS;
      const healthSamples: Sample[] = [];
      const cardSamples: Sample[] = [];
      // The server's CPU time per request of each kind: what decides the
      // ratio while the server's main thread is the bottleneck, and steadier
      // than req/s when the machine's speed wanders between turns.
      const cpu = { health: 0, card: 0 };
      const pid = app.pid();
      const timed = async (into: "health" | "card", run: () => Promise<unknown>) => {
        const before = cpuSeconds(pid) ?? 0;
        await run();
        cpu[into] += (cpuSeconds(pid) ?? before) - before;
      };
      for (let turn = 0; turn < CAPACITY_TURNS; turn++) {
        await timed("health", () => fire(app!.origin, [{ kind: k.health, seconds: slice, connections: o.connections }], clock, healthSamples));
        await timed("card", () => fire(app!.origin, [{ kind: k.statCard, seconds: slice, connections: o.connections }], clock, cardSamples));
      }
      const h = summarize(healthSamples, o.capacitySeconds, expected)[0]!;
      const c = summarize(cardSamples, o.capacitySeconds, expected)[0]!;
      ratio = h.perSecond > 0 ? c.perSecond / h.perSecond : null;
      out(`### Capacity (closed loop, ${o.connections} connections, ${o.capacitySeconds} s each in ${CAPACITY_TURNS} alternating turns)`);
      out();
      out(kindTable([h, c]));
      out();
      out(`Authenticated metric reads: **${ratio === null ? "–" : `${(ratio * 100).toFixed(0)} %`}** of /api/health's req/s.`);
      const perRequest = (seconds: number, samples: Sample[]) => (samples.length ? (seconds * 1000) / samples.length : NaN);
      const healthCpu = perRequest(cpu.health, healthSamples);
      const cardCpu = perRequest(cpu.card, cardSamples);
      out(`Server CPU per request: /api/health ${healthCpu.toFixed(2)} ms, stat card ${cardCpu.toFixed(2)} ms ` +
        `(the health check costs ${((healthCpu / cardCpu) * 100).toFixed(0)} % of a stat card).`);
      out();
    }

    const shots = mixedShots(k, o.rate, o.duration, o.connections);
    const samples: Sample[] = [];
    const mixedStart = clock.now();
    let outage: { downAt: number; upAt: number; firstOkAfterUpMs: number | null } | undefined;
    const rss: { atMs: number; rssBytes: number }[] = [];
    const side: Promise<void>[] = [];

    if (o.fault) {
      side.push((async () => {
        await sleep((o.duration / 3) * 1000);
        const downAt = clock.now();
        log("stopping PostgreSQL (immediate: a crash)…");
        database.stop("immediate");
        await sleep(OUTAGE_SECONDS * 1000);
        log("starting PostgreSQL…");
        database.start();
        const upAt = clock.now();
        log(`PostgreSQL accepts connections again (${((upAt - downAt) / 1000).toFixed(1)} s after the stop)`);
        outage = { downAt, upAt, firstOkAfterUpMs: await firstSuccess(app!.origin, seeded.accounts[0]!.readKey, clock, upAt) };
      })());
    }
    if (o.soak) {
      const pid = app.pid();
      side.push((async () => {
        const until = mixedStart + o.duration * 1000;
        while (clock.now() < until) {
          const bytes = rssBytes(pid);
          if (bytes !== null) rss.push({ atMs: clock.now() - mixedStart, rssBytes: bytes });
          await sleep(SAMPLE_RSS_EVERY_MS);
        }
      })());
    }

    log(`mixed load: ${o.rate} req/s offered for ${o.duration} s…`);
    await Promise.all([fire(app.origin, shots, clock, samples), ...side]);
    const mixedSeconds = (clock.now() - mixedStart) / 1000;

    const rows = summarize(samples, o.duration, expected);
    const mixedOnly = samples.filter((s) => s.kind !== k.overLimit.name);
    const all = overall(mixedOnly, o.duration, expected);
    out(`### Mixed load (${o.rate} req/s offered for ${o.duration} s${o.fault ? `, PostgreSQL crashed at ${(o.duration / 3).toFixed(0)} s for ${OUTAGE_SECONDS} s` : ""})`);
    out();
    out(kindTable([...rows, { ...all, kind: "**all but the over-limit key**" }], { ...offeredOf(shots), "**all but the over-limit key**": o.rate }));
    out();
    if (mixedSeconds > o.duration + 5) out(`(the run took ${mixedSeconds.toFixed(0)} s: answers came slower than offered)\n`);

    const writes = await verifyWrites(url, written);
    out(`Writes answered 2xx and found in the database afterwards: claims ${writes.claimsFound} of ${writes.claims}, notes ${writes.notesFound} of ${writes.notes}.`);
    out();

    const unexpected = rows.reduce((n, r) => n + errorCount(r), 0);
    const writesKept = writes.claimsFound === writes.claims && writes.notesFound === writes.notes;
    const targets: [string, string, boolean | null][] = [];
    if (ratio !== null) targets.push([`metric reads ≥ ${TARGETS.ratio * 100} % of /api/health's req/s`, `${(ratio * 100).toFixed(0)} %`, ratio >= TARGETS.ratio]);
    if (!o.fault) {
      targets.push([`p99 ≤ ${TARGETS.p99Ms} ms at ${o.rate} req/s mixed`, all.p99 === null ? "–" : `${all.p99.toFixed(1)} ms`, all.p99 !== null && all.p99 <= TARGETS.p99Ms]);
      targets.push(["no errors but deliberate 429s", String(unexpected), unexpected === 0]);
    }
    targets.push(["every 2xx write is in the database", `${writes.claimsFound + writes.notesFound} of ${writes.claims + writes.notes}`, writesKept]);

    if (o.fault && outage) {
      const report = analyzeOutage(samples, outage.downAt, outage.upAt);
      const statuses = Object.entries(report.duringOutage).map(([s, n]) => `${n} × ${s === "0" ? "no answer" : s}`).join(", ") || "none";
      out(`### Database crash`);
      out();
      out(`Answers while PostgreSQL was down (${((outage.upAt - outage.downAt) / 1000).toFixed(1)} s): ${statuses}.`);
      out(`After it accepted connections again: the first stat-card 200 came ${outage.firstOkAfterUpMs === null ? "never" : `${outage.firstOkAfterUpMs.toFixed(0)} ms`} later; ` +
        `${report.failuresAfterUp} failed answers, the last ${report.recoveryMs.toFixed(0)} ms after.`);
      out();
      // Failures around the outage too: a request cut off by the crash, or
      // one that met the database while it recovered, must also be a 503.
      const notUnavailable = rows.reduce((n, r) => n + Object.entries(r.errors).filter(([s]) => s !== "503").reduce((a, [, c]) => a + c, 0), 0);
      targets.push(["only 503s during the outage", statuses, report.only503]);
      targets.push(["no failure but 503 in the whole run", `${notUnavailable} other`, notUnavailable === 0]);

      targets.push(["recovered within 5 s of the database", `${(Math.max(report.recoveryMs, outage.firstOkAfterUpMs ?? Infinity) / 1000).toFixed(1)} s`,
        Math.max(report.recoveryMs, outage.firstOkAfterUpMs ?? Infinity) <= 5000]);
    }
    if (o.soak) {
      const trend = memoryTrend(rss);
      out(`### Soak: server RSS under the mixed load`);
      out();
      out(`${rss.length} samples every ${SAMPLE_RSS_EVERY_MS / 1000} s; the first 20 % left out as warm-up. ` +
        `RSS ${trend.startMb.toFixed(0)} → ${trend.endMb.toFixed(0)} MB; slope **${trend.slopeMbPerMin.toFixed(2)} MB/min** (r² ${trend.r2.toFixed(2)}).`);
      out();
      targets.push([`no memory growth (slope ≤ ${trend.maxSlopeMbPerMin} MB/min)`, `${trend.slopeMbPerMin.toFixed(2)} MB/min`, !trend.growing]);
    }
    const failures = app.output().split("\n").filter((l) => /failed:|Error|error/.test(l));
    if (failures.length) {
      log(`server errors logged (${failures.length} lines; distinct ones):`);
      for (const line of [...new Set(failures.map((l) => l.slice(0, 300)))].slice(0, 20)) log(`  ${line}`);
    }
    out(`### Targets`);
    out();
    printTargets(targets);
    return targets.every(([, , met]) => met !== false) ? 0 : 1;
  } finally {
    await app?.stop();
    database.destroy();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  }
});

/**
 * Each kind alone, as fast as `--connections` allow, with the server's CPU
 * profile cut to that kind's interval and pg_stat_statements reset before it.
 * Stops the server (its profile is written when it exits).
 */
async function profileKinds(app: AppServer, url: string, list: Kind[], o: Options, clock: Clock, dir: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  const runs: { kind: Kind; requests: number; fromUs: number; toUs: number; statements: { query: string; calls: number; mean_ms: number }[] }[] = [];
  for (const kind of list) {
    log(`profiling ${kind.name} for ${o.capacitySeconds} s…`);
    await c.query("SELECT pg_stat_statements_reset()");
    const fromUs = monotonicUs();
    const samples = await fire(app.origin, [{ kind, seconds: o.capacitySeconds, connections: o.connections }], clock);
    const toUs = monotonicUs();
    const { rows } = await c.query<{ query: string; calls: number; mean_ms: number }>(
      `SELECT regexp_replace(query, '\\s+', ' ', 'g') AS query, calls::int, mean_exec_time::float8 AS mean_ms
         FROM pg_stat_statements WHERE query !~* 'pg_stat_statements' ORDER BY calls DESC LIMIT 12`,
    );
    runs.push({ kind, requests: samples.length, fromUs, toUs, statements: rows });
  }
  await c.end();
  await app.stop();
  const profile = newestProfile(dir);
  const mapper = sourceMapper();
  out(`### Profile (closed loop, ${o.connections} connections, ${o.capacitySeconds} s per kind)`);
  for (const run of runs) {
    out();
    out(`#### ${run.kind.name}: ${run.requests} requests, ${(run.requests / o.capacitySeconds).toFixed(0)} req/s`);
    out();
    out(profileTable(cpuByStage(profile, mapper, { fromUs: run.fromUs, toUs: run.toUs }), run.requests));
    out();
    out("| statement | per request | mean |");
    out("| --- | ---: | ---: |");
    for (const st of run.statements) {
      const perRequest = st.calls / Math.max(1, run.requests);
      if (perRequest < 0.01) continue;
      out(`| \`${st.query.slice(0, 90).replace(/\|/g, "\\|")}${st.query.length > 90 ? "…" : ""}\` | ${perRequest.toFixed(2)} | ${st.mean_ms.toFixed(2)} ms |`);
    }
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** ms from `since` to the first 200 of the stat card, polled every 100 ms for at most 30 s. */
async function firstSuccess(origin: string, key: string, clock: Clock, since: number): Promise<number | null> {
  for (let i = 0; i < 300; i++) {
    const res = await fetch(`${origin}/api/v1/analytics/flowpilot/escalations?period=7d`, {
      headers: { authorization: `Bearer ${key}` },
    }).catch(() => null);
    if (res?.status === 200) return clock.now() - since;
    await sleep(100);
  }
  return null;
}

