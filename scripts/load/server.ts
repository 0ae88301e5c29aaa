/**
 * The production server under test: `next build` (unless the caller says the
 * build is current), then `next start` on a loopback port against the load
 * test's database, with its environment set explicitly.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { waitForHealth } from "../../tests/support/net";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

export function buildApp(log: (line: string) => void): void {
  log("building the app (next build; pass --skip-build when this tree is already built)…");
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status ?? r.signal})`);
}

export type AppServer = {
  origin: string;
  /** the process serving requests (for its RSS) */
  pid: () => number;
  /** the last 200 kB of the server's stdout and stderr */
  output: () => string;
  stop: () => Promise<void>;
};

export async function startApp(port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<AppServer> {
  const origin = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      NEXTAUTH_URL: origin,
      ...env,
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  await waitForHealth(`${origin}/api/health`, { exitCode: () => child.exitCode, output: () => output }, 120_000);
  return {
    origin,
    pid: () => serverPid(child.pid!),
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      }),
  };
}

/**
 * `next start` may serve from a child process titled next-server; the
 * largest process in the tree is the one that holds the app.
 */
function serverPid(root: number): number {
  const tree = [root, ...descendants(root)];
  return tree.map((pid) => ({ pid, rss: rssBytes(pid) ?? 0 })).sort((a, b) => b.rss - a.rss)[0]!.pid;
}

function descendants(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry), ...descendants(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * CPU seconds the process has used (user and system, all its threads), from
 * /proc; Linux reports them in USER_HZ ticks, 100 a second on every platform
 * it runs on. Null once the process is gone.
 */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [utime, stime] = stat.slice(stat.lastIndexOf(")") + 2).split(" ").slice(11, 13).map(Number);
    return (utime! + stime!) / 100;
  } catch {
    return null;
  }
}

/** Resident set size of a process, from /proc/<pid>/status (VmRSS). */
export function rssBytes(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
