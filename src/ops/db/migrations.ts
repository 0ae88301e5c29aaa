/**
 * Applies prisma/migrations without Prisma's native schema engine.
 *
 * 1. Same layout and bookkeeping as Prisma Migrate: one row per migration in
 *    `_prisma_migrations`, checksum = sha256 of migration.sql, so
 *    `prisma migrate deploy` on a networked machine agrees about what ran.
 * 2. Safe from two processes at once: everything runs under the advisory lock
 *    Prisma Migrate itself takes (72707369), so ours and Prisma's exclude each
 *    other too.
 * 3. Each migration runs in one transaction. On failure the row stays with
 *    finished_at NULL and the error in `logs`, which is how Prisma records a
 *    failed migration; later runs refuse until it is resolved.
 * 4. A migration whose file changed after it was applied stops the run.
 * 5. Migrations wait at most `lock_timeout` (MIGRATION_LOCK_TIMEOUT, 5s) for a
 *    lock: a migration stuck behind a long reader would otherwise queue every
 *    request behind its own lock request. Such a failure changed nothing, so
 *    its row is marked rolled back and the next run simply tries again.
 * 6. A migration using CREATE/DROP/REINDEX … CONCURRENTLY cannot run in a
 *    transaction; it runs without one and must hold that one statement.
 * 7. A migration that lacks a privilege (42501: e.g. the role-creating one,
 *    run by a role without CREATEROLE) changed nothing either: its message
 *    says what an administrator must run, it is marked rolled back, and the
 *    next run tries again.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { envValues } from "@/env";
import { OperatorError } from "../errors";

const PRISMA_MIGRATE_LOCK = 72707369;

export type MigrationFile = { name: string; sql: string; checksum: string };
export type MigrateResult = { applied: string[]; alreadyApplied: number };

export class MigrationError extends OperatorError {}

export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/**
 * Waits for the advisory lock by polling rather than in one blocking call.
 * CREATE INDEX CONCURRENTLY waits for every transaction of the database that
 * is older than its snapshot, and a second applier blocked inside
 * pg_advisory_lock() is such a transaction while it waits for the first:
 * PostgreSQL then reports a deadlock. Between two short tries there is no
 * open transaction to wait for.
 */
async function takeMigrationLock(client: pg.Client): Promise<void> {
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [PRISMA_MIGRATE_LOCK]);
    if (rows[0]?.locked) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export type MigrateOptions = {
  /** A PostgreSQL duration such as "5s" or "500ms"; MIGRATION_LOCK_TIMEOUT by default. */
  lockTimeout?: string;
};

const LOCK_NOT_AVAILABLE = "55P03";
const INSUFFICIENT_PRIVILEGE = "42501";
const ACTIVE_SQL_TRANSACTION = "25001";
const CONCURRENTLY = /\b(CREATE\s+(UNIQUE\s+)?INDEX|DROP\s+INDEX|REINDEX\s+\w+)\s+CONCURRENTLY\b/i;

export async function applyMigrations(
  connectionString: string,
  migrationsDir: string,
  log: (line: string) => void = () => {},
  { lockTimeout = envValues(["MIGRATION_LOCK_TIMEOUT"]).MIGRATION_LOCK_TIMEOUT }: MigrateOptions = {},
): Promise<MigrateResult> {
  const migrations = await readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await takeMigrationLock(client);
    // Set after the advisory lock, so that runs still queue behind each other.
    await client.query("SELECT set_config('lock_timeout', $1, false)", [lockTimeout]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const live = rows.filter((r) => r.rolled_back_at === null);

    const failed = live.find((r) => r.finished_at === null);
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} failed earlier and is recorded as unfinished. ` +
          `Fix the database by hand, then mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${failed.migration_name}' AND finished_at IS NULL) and run again.`,
      );
    }
    const byName = new Map(live.map((r) => [r.migration_name, r]));
    for (const m of migrations) {
      const row = byName.get(m.name);
      if (row && row.checksum !== m.checksum) {
        throw new MigrationError(
          `Migration ${m.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${m.checksum.slice(0, 12)}… on disk). ` +
            `Restore the original file and put the change in a new migration.`,
        );
      }
    }

    const applied: string[] = [];
    for (const m of migrations.filter((m) => !byName.has(m.name))) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
        [id, m.checksum, m.name],
      );
      const inTransaction = !CONCURRENTLY.test(m.sql);
      try {
        if (inTransaction) await client.query("BEGIN");
        await client.query(m.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        if (inTransaction) await client.query("COMMIT");
      } catch (error) {
        if (inTransaction) await client.query("ROLLBACK").catch(() => {});
        const message = error instanceof Error ? error.message : String(error);
        const code = (error as { code?: string }).code;
        if (inTransaction && code === LOCK_NOT_AVAILABLE) {
          await client.query(`UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1`, [id, message]);
          throw new MigrationError(
            `Migration ${m.name} waited longer than ${lockTimeout} (lock_timeout) for a lock on a table it changes, ` +
              `held by other sessions; it was rolled back and nothing was changed. ` +
              `Run it again when those sessions are done, or raise MIGRATION_LOCK_TIMEOUT.`,
          );
        }
        if (inTransaction && code === INSUFFICIENT_PRIVILEGE) {
          await client.query(`UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1`, [id, message]);
          throw new MigrationError(`Migration ${m.name} needs a privilege this database role lacks; nothing was changed. ${message}`);
        }
        await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
        if (inTransaction) throw new MigrationError(`Migration ${m.name} failed and was rolled back: ${message}`);
        throw new MigrationError(
          `Migration ${m.name} ran outside a transaction (it uses CONCURRENTLY) and failed: ${message}. ` +
            (code === ACTIVE_SQL_TRANSACTION
              ? `Put the CONCURRENTLY statement in a migration of its own. `
              : `It may have left an invalid index behind: drop it with DROP INDEX CONCURRENTLY IF EXISTS. `) +
            `Then mark the migration rolled back (see docs/migrations.md) and run again.`,
        );
      }
      log(`applied ${m.name}`);
      applied.push(m.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
    await client.end().catch(() => {});
  }
}

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
