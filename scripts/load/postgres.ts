/**
 * A PostgreSQL instance of the load test's own: a fresh cluster in a
 * temporary folder, on a free loopback port, stopped and deleted at the end.
 * `--fault` stops and starts it in the middle of a run, which must never
 * happen to a server other programs use; owning the instance also keeps the
 * numbers free of other databases' work on a shared server.
 *
 * The binaries are the system's (PG_BIN, default /usr/lib/postgresql/15/bin).
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the
 * `postgres` system user (runuser). Trust authentication on 127.0.0.1 only:
 * the cluster lives for one run and holds generated data.
 */
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { userInfo } from "node:os";

export type LoadPostgres = {
  /** URL of the `postgres` database, as superuser */
  url: string;
  port: number;
  /** Stops the server; `immediate` is a crash (no checkpoint, recovery on start). */
  stop: (mode?: "fast" | "immediate") => void;
  /** Starts it again and returns when it accepts connections. */
  start: () => void;
  /** Stops it and deletes the cluster. */
  destroy: () => void;
};

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

function run(args: string[], asUser: string | null): void {
  const [cmd, ...rest] = asUser ? ["runuser", "-u", asUser, "--", ...args] : args;
  const r = spawnSync(cmd!, rest, { encoding: "utf8" });
  if (r.status !== 0) {
    throw new Error(`${path.basename(args[0]!)} failed (${r.status ?? r.signal}): ${(r.stderr || r.stdout || r.error?.message || "").trim()}`);
  }
}

/** `statements`: load pg_stat_statements, for `--profile`'s count of statements per request. */
export function startLoadPostgres(port: number, { statements = false } = {}): LoadPostgres {
  if (!existsSync(path.join(PG_BIN, "initdb"))) {
    throw new Error(`No PostgreSQL binaries in ${PG_BIN}: install PostgreSQL 15 or set PG_BIN to the folder of initdb and pg_ctl.`);
  }
  const asUser = process.getuid?.() === 0 ? "postgres" : null;
  const superuser = asUser ?? userInfo().username;
  const dir = mkdtempSync(path.join(os.tmpdir(), "flowpilot-load-pg-"));
  if (asUser) {
    const { uid, gid } = userIds(asUser);
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  run([path.join(PG_BIN, "initdb"), "-D", data, "-U", superuser, "--auth=trust", "--encoding=UTF8", "--no-instructions"], asUser);
  // fsync stays on (the default), so `--fault`'s crash is a real one.
  const options = [
    `-p ${port}`, "-c listen_addresses=127.0.0.1", `-c unix_socket_directories=${dir}`, "-c max_connections=100",
    "-c jit=off", "-c shared_buffers=128MB",
    ...(statements ? ["-c shared_preload_libraries=pg_stat_statements", "-c pg_stat_statements.track=all"] : []),
  ].join(" ");
  const log = path.join(dir, "server.log");
  const pgctl = (...args: string[]) => run([path.join(PG_BIN, "pg_ctl"), "-D", data, ...args], asUser);

  const start = () => pgctl("-o", options, "-l", log, "-w", "-t", "60", "start");
  start();
  let running = true;
  const stop = (mode: "fast" | "immediate" = "fast") => {
    if (!running) return;
    pgctl("-m", mode, "-w", "stop");
    running = false;
  };
  const destroy = () => {
    try {
      stop("fast");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A crash of this script must not leave a server behind.
  process.once("exit", () => {
    if (running) spawnSync(asUser ? "runuser" : path.join(PG_BIN, "pg_ctl"), asUser
      ? ["-u", asUser, "--", path.join(PG_BIN, "pg_ctl"), "-D", data, "-m", "immediate", "stop"]
      : ["-D", data, "-m", "immediate", "stop"]);
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    url: `postgresql://${encodeURIComponent(superuser)}@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start: () => {
      start();
      running = true;
    },
    destroy,
  };
}

function userIds(name: string): { uid: number; gid: number } {
  const r = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const g = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (r.status !== 0 || g.status !== 0) throw new Error(`Running as root needs a "${name}" system user to own the cluster.`);
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}
