/**
 * A real PgBouncer (Debian's package, /usr/sbin/pgbouncer) in transaction
 * pooling mode in front of the test server, started by the tests that need
 * it and stopped after them. Its ini is generated in a temporary folder;
 * it listens on a free loopback port and trusts the test server's user.
 *
 * `ignore_startup_parameters`: PgBouncer 1.18 refuses a connection whose
 * startup packet carries parameters it does not know, and node-postgres
 * sends `options` (jit=off) and `statement_timeout` there. Ignoring them is
 * the usual PgBouncer setting; the app repeats both inside every request's
 * transaction (src/server/db/scope.ts), so nothing is lost on the request path.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile, chmod } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import net from "node:net";
import { freePort } from "./net";

export const PGBOUNCER = "/usr/sbin/pgbouncer";

export type PgBouncer = {
  /** `target` with host and port replaced by the pooler's. */
  url: string;
  /** Everything PgBouncer logged, for a failing test's message. */
  output: () => string;
  stop: () => Promise<void>;
};

export type PgBouncerOptions = {
  /** Server connections per database and user (PgBouncer's default_pool_size). */
  poolSize?: number;
};

export async function startPgBouncer(target: string | URL, { poolSize = 10 }: PgBouncerOptions = {}): Promise<PgBouncer> {
  const server = new URL(target);
  const user = decodeURIComponent(server.username || userInfo().username);
  const dir = await mkdtemp(path.join(tmpdir(), "flowpilot-pgbouncer-"));
  // PgBouncer will not run as root; it then switches to `postgres`, which must read these files.
  await chmod(dir, 0o755);
  const port = await freePort();
  const ini = path.join(dir, "pgbouncer.ini");
  const users = path.join(dir, "users.txt");
  await writeFile(users, `"${user}" ""\n`);
  await writeFile(
    ini,
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port || 5432}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${users}`,
      "pool_mode = transaction",
      `default_pool_size = ${poolSize}`,
      "max_client_conn = 500",
      "ignore_startup_parameters = options,statement_timeout,extra_float_digits",
      "",
    ].join("\n"),
  );
  await chmod(ini, 0o644);
  await chmod(users, 0o644);

  const asRoot = process.getuid?.() === 0;
  const child: ChildProcess = spawn(PGBOUNCER, [...(asRoot ? ["-u", "postgres"] : []), ini], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGINT");
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`pgbouncer exited at start:\n${log}`);
    }
    if (await accepts(port)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`pgbouncer did not listen on 127.0.0.1:${port} within 10 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  const url = new URL(server);
  url.host = `127.0.0.1:${port}`;
  return { url: url.toString(), output: () => log, stop };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}
