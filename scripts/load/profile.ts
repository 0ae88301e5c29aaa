/**
 * `npm run load -- --profile`: where the server's CPU goes while it serves
 * one kind of request as fast as it can.
 *
 * The server runs with `--cpu-prof`; its profile is read back after it stops.
 * The production build is minified into chunks, so each sample's position is
 * mapped through the chunk's source map to the original file, and files are
 * grouped into the stages of a request (session decoding, Prisma, the pg
 * driver, the rate limiter, zod, the REST adapter, tRPC, Next.js itself…).
 * Database time is not CPU time here: pg_stat_statements on the load test's
 * own PostgreSQL counts the statements each request sends.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } };
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/**
 * Stages, first match wins; tested on "<url> <original source>", since a
 * package loaded from node_modules maps to its own src/ folders. The app's
 * own files are bundled into .next/server and map to src/….
 */
export const STAGES: [string, RegExp][] = [
  ["session cookie (next-auth, jose)", /next-auth|jose|@panva|openid/],
  ["Prisma client and query compiler", /@prisma\/client|query_compiler|generated\/prisma|@prisma\/client-runtime/],
  ["Prisma pg adapter", /@prisma\/adapter-pg|@prisma\/driver-adapter/],
  ["pg driver", /node_modules\/(pg|pg-protocol|pg-pool|pg-types|pg-connection-string)\//],
  ["rate limiter", /rate-limiter-flexible/],
  ["zod (input and output validation)", /node_modules\/zod/],
  ["REST adapter (trpc-to-openapi)", /trpc-to-openapi|zod-openapi/],
  ["tRPC", /@trpc\//],
  ["app: auth", /\.next\/server\/\S* (?!\S*node_modules)\S*\/src\/server\/auth\//],
  ["app: other", /\.next\/server\/\S* (?!\S*node_modules)\S*\/src\//],
  ["Next.js and React", /next\/dist|node_modules\/next\/|react/],
  // Built-ins have no url: the key then starts with a space.
  ["Node (http, streams, crypto, timers)", /^(node:|internal\/| )/],
];

export function stageOf(source: string, functionName: string): string {
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(idle)") return "idle";
  if (functionName === "(program)") return "V8 and native code";
  return STAGES.find(([, re]) => re.test(source))?.[0] ?? "other";
}

/** ms of self time per stage, largest first, and the busy total (idle left out). */
export function cpuByStage(
  profile: CpuProfile,
  originalSource: (frame: ProfileNode["callFrame"]) => string,
  /** only samples taken in this interval, in µs of the system's monotonic clock (as profiles are) */
  window: { fromUs: number; toUs: number } = { fromUs: -Infinity, toUs: Infinity },
) {
  const byNode = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= window.fromUs && at <= window.toUs) byNode.set(id, (byNode.get(id) ?? 0) + delta);
  });
  const stages = new Map<string, number>();
  const frames = new Map<string, { stage: string; ms: number }>();
  for (const node of profile.nodes) {
    const us = byNode.get(node.id);
    if (!us) continue;
    const source = originalSource(node.callFrame);
    const stage = stageOf(`${node.callFrame.url} ${source}`, node.callFrame.functionName);
    stages.set(stage, (stages.get(stage) ?? 0) + us / 1000);
    if (stage === "idle") continue;
    const frame = `${node.callFrame.functionName || "(anonymous)"} ${shortSource(source)}`;
    frames.set(frame, { stage, ms: (frames.get(frame)?.ms ?? 0) + us / 1000 });
  }
  const busy = [...stages].filter(([s]) => s !== "idle").reduce((a, [, ms]) => a + ms, 0);
  return {
    busyMs: busy,
    stages: [...stages].sort((a, b) => b[1] - a[1]),
    topFrames: [...frames].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12).map(([frame, v]) => ({ frame, ...v })),
  };
}

/** The part of a source path worth reading: from node_modules/ or src/ on. */
const shortSource = (source: string) => /(node_modules\/.*|src\/.*)$/.exec(source)?.[1] ?? source;

/** Now on the clock CPU profiles use (CLOCK_MONOTONIC, which every process shares), in µs. */
export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** Maps a profile frame of a built chunk to its original source path through the chunk's source map. */
export function sourceMapper(): (frame: ProfileNode["callFrame"]) => string {
  const maps = new Map<string, SourceMap | null>();
  return (frame) => {
    const { url } = frame;
    if (!url.startsWith("file://")) return url;
    let map = maps.get(url);
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, "utf8")));
      } catch {
        map = null;
      }
      maps.set(url, map);
    }
    if (!map) return fileURLToPath(url);
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string };
    return entry.originalSource ?? fileURLToPath(url);
  };
}

/** The newest .cpuprofile in `dir`. */
export function newestProfile(dir: string): CpuProfile {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (files.length === 0) throw new Error(`no CPU profile was written to ${dir}`);
  const newest = files.map((f) => path.join(dir, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
  return JSON.parse(readFileSync(newest, "utf8")) as CpuProfile;
}

/** The markdown table of a profile: ms and share of busy CPU per stage, and per request. */
export function profileTable(result: ReturnType<typeof cpuByStage>, requests: number): string {
  const lines = ["| stage | CPU ms | share of busy CPU | µs per request |", "| --- | ---: | ---: | ---: |"];
  for (const [stage, ms] of result.stages) {
    if (stage === "idle") continue;
    lines.push(`| ${stage} | ${ms.toFixed(0)} | ${((ms / result.busyMs) * 100).toFixed(1)} % | ${requests ? ((ms * 1000) / requests).toFixed(0) : "–"} |`);
  }
  lines.push(`| **busy total** | ${result.busyMs.toFixed(0)} | 100 % | ${requests ? ((result.busyMs * 1000) / requests).toFixed(0) : "–"} |`);
  lines.push("", "| function (self time) | stage | CPU ms |", "| --- | --- | ---: |");
  for (const f of result.topFrames) lines.push(`| \`${f.frame.replace(/\|/g, "\\|")}\` | ${f.stage} | ${f.ms.toFixed(0)} |`);
  return lines.join("\n");
}
