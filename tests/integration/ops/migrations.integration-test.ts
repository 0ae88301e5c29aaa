import { describe, expect, it } from "vitest";
import pg from "pg";
import { mkdtemp, cp, writeFile, mkdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "@/ops/db/migrations";
import { openScriptDatabase } from "@/ops/db/connection";
import { withScratchDatabase } from "../../support/test-database";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "flowpilot-migrations-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe("db:migrate", () => {
  it("applies every migration once and records them as Prisma Migrate does", async () => {
    await withScratchDatabase(async (url) => {
      const files = await readMigrations(MIGRATIONS_DIR);
      const first = await applyMigrations(url, MIGRATIONS_DIR);
      expect(first.applied).toEqual(files.map((f) => f.name));

      const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
        url, `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`);
      expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
      for (const [i, r] of rows.entries()) {
        expect(r.finished_at).toBeInstanceOf(Date);
        expect(r.applied_steps_count).toBe(1);
        expect(r.checksum).toBe(files[i]!.checksum);
      }
      // The checksum is sha256 of the file bytes, as Prisma Migrate computes it.
      const raw = await readFile(path.join(MIGRATIONS_DIR, files[0]!.name, "migration.sql"));
      expect(rows[0]!.checksum).toBe(createHash("sha256").update(raw).digest("hex"));
    });
  });

  it("applies nothing on a second run", async () => {
    await withScratchDatabase(async (url) => {
      await applyMigrations(url, MIGRATIONS_DIR);
      const second = await applyMigrations(url, MIGRATIONS_DIR);
      expect(second.applied).toEqual([]);
      const [{ n }] = (await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM _prisma_migrations`)) as [{ n: number }];
      expect(n).toBe((await readMigrations(MIGRATIONS_DIR)).length);
    });
  });

  it("is safe from several processes at once: each migration is applied exactly once", async () => {
    await withScratchDatabase(async (url) => {
      const results = await Promise.all([1, 2, 3, 4].map(() => applyMigrations(url, MIGRATIONS_DIR)));
      const appliedCounts = results.map((r) => r.applied.length).sort();
      const total = (await readMigrations(MIGRATIONS_DIR)).length;
      expect(appliedCounts).toEqual([0, 0, 0, total]);
      const [{ n }] = (await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM _prisma_migrations`)) as [{ n: number }];
      expect(n).toBe(total);
    });
  });

  it("refuses, naming the migration, when an applied file was changed afterwards", async () => {
    await withScratchDatabase(async (url) => {
      const dir = await copyOfMigrations();
      await applyMigrations(url, dir);
      const [first] = await readMigrations(dir);
      await writeFile(path.join(dir, first!.name, "migration.sql"), first!.sql + "\n-- edited\n");
      await expect(applyMigrations(url, dir)).rejects.toThrow(new RegExp(`${first!.name} was changed after it was applied`));
    });
  });

  it("records a failing migration as unfinished, rolls it back, and refuses later runs", async () => {
    await withScratchDatabase(async (url) => {
      const dir = await copyOfMigrations();
      const broken = path.join(dir, "29990101000000_broken");
      await mkdir(broken);
      await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;\n`);

      await expect(applyMigrations(url, dir)).rejects.toThrow(/29990101000000_broken failed/);
      const [row] = await query<{ finished_at: Date | null; logs: string | null }>(
        url, `SELECT finished_at, logs FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'`);
      expect(row!.finished_at).toBeNull();
      expect(row!.logs).toMatch(/no_such_table/);
      // The half-applied statement was rolled back with it.
      const [t] = await query<{ exists: boolean }>(url, `SELECT to_regclass('half_done') IS NOT NULL AS exists`);
      expect(t!.exists).toBe(false);

      await expect(applyMigrations(url, dir)).rejects.toThrow(/failed earlier and is recorded as unfinished/);
    });
  });

  it("fails fast, naming the lock wait, when a table it changes is in use, and applies on a later run", async () => {
    await withScratchDatabase(async (url) => {
      const dir = await copyOfMigrations();
      await applyMigrations(url, dir);
      const name = "29990101000000_needs_lock";
      await mkdir(path.join(dir, name));
      await writeFile(path.join(dir, name, "migration.sql"), `ALTER TABLE accounts ADD COLUMN lock_probe int;\n`);

      // A long read on the table, as a report would hold: the ALTER must wait for it.
      const reader = new pg.Client({ connectionString: url });
      await reader.connect();
      try {
        await reader.query("BEGIN");
        await reader.query("LOCK TABLE accounts IN ACCESS SHARE MODE");
        await expect(applyMigrations(url, dir, undefined, { lockTimeout: "300ms" })).rejects.toThrow(
          new RegExp(`^Migration ${name} waited longer than 300ms \\(lock_timeout\\) for a lock .*nothing was changed`),
        );
      } finally {
        await reader.query("ROLLBACK");
        await reader.end();
      }

      const [row] = await query<{ finished_at: Date | null; rolled_back_at: Date | null; logs: string | null }>(
        url, `SELECT finished_at, rolled_back_at, logs FROM _prisma_migrations WHERE migration_name = '${name}'`);
      expect(row).toMatchObject({ finished_at: null, logs: expect.stringMatching(/lock timeout/) });
      expect(row!.rolled_back_at).toBeInstanceOf(Date);
      const [column] = await query<{ n: number }>(
        url, `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'lock_probe'`);
      expect(column!.n).toBe(0);

      // Once the table is free, the next run applies it without any manual step.
      expect((await applyMigrations(url, dir)).applied).toEqual([name]);
    });
  });

  it("runs a CREATE INDEX CONCURRENTLY migration outside a transaction", async () => {
    await withScratchDatabase(async (url) => {
      const dir = await copyOfMigrations();
      const name = "29990101000000_concurrent_index";
      await mkdir(path.join(dir, name));
      await writeFile(
        path.join(dir, name, "migration.sql"),
        `-- An index built without blocking writes.\nCREATE INDEX CONCURRENTLY "accounts_name_probe_idx" ON "accounts" ("name");\n`,
      );
      const result = await applyMigrations(url, dir);
      expect(result.applied.at(-1)).toBe(name);
      const [index] = await query<{ valid: boolean }>(
        url, `SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'accounts_name_probe_idx'::regclass`);
      expect(index!.valid).toBe(true);
    });
  });

  it("accepts rows written by plain SQL that name only the contract's columns", async () => {
    await withScratchDatabase(async (url) => {
      await applyMigrations(url, MIGRATIONS_DIR);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const a = (await c.query(`INSERT INTO accounts (name, display_code) VALUES ('A', NULL) RETURNING id`)).rows[0].id;
        const u = (await c.query(
          `INSERT INTO users (account_id, email, name, password_hash, account_role) VALUES ($1, 'x@y.test', 'X', 'h', 'engineer') RETURNING id`, [a])).rows[0].id;
        const s = (await c.query(
          `INSERT INTO ai_sessions (user_id, account_id, session_type, intake_type, intake_content, status, confidence_tier, conversation_messages)
           VALUES ($1, $2, 't', 'i', '{}', 'open', 'low', '[]') RETURNING id`, [u, a])).rows[0].id;
        await c.query(
          `INSERT INTO ai_session_steps (session_id, account_id, step_order, step_type, content, confidence_at_step)
           VALUES ($1, $2, 1, 'x', '{}', NULL), ($1, $2, 1, 'y', '{}', 0.5)`, [s, a]);
        await c.query(
          `INSERT INTO session_handoffs (session_id, account_id, handed_off_by, intent, snapshot, priority, claimed_at, claimed_by)
           VALUES ($1, $2, $3, 'i', '{}', 'p', NULL, NULL)`, [s, a, u]);
        await c.query(
          `INSERT INTO api_keys (account_id, user_id, name, key_hash, last_used_at, revoked_at) VALUES ($1, $2, 'k', 'h', NULL, NULL)`, [a, u]);
        await expect(c.query(
          `INSERT INTO users (account_id, email, name, password_hash, account_role) VALUES ($1, 'z@y.test', 'Z', 'h', 'superuser')`, [a]),
        ).rejects.toThrow(/account_role/);
        await expect(c.query(
          `INSERT INTO users (account_id, email, name, password_hash, account_role) VALUES ($1, 'Mixed@Case.test', 'M', 'h', 'viewer')`, [a]),
        ).rejects.toThrow(/users_email_lower_case/);
        await expect(c.query(
          `INSERT INTO users (account_id, email, name, password_hash, account_role) VALUES ($1, 'x@y.test', 'X2', 'h', 'viewer')`, [a]),
        ).rejects.toThrow(/users_email_key/);
      } finally {
        await c.end();
      }
    });
  });

  describe("the role-creating migration, run by a role that may not create roles", () => {
    const RLS_MIGRATION = "20261129020000_row_level_security";

    /**
     * A LOGIN role without CREATEROLE that owns a database migrated up to the
     * role-creating migration, as a hosted PostgreSQL's app user often is.
     * The earlier migrations are applied by a superuser and handed over
     * (one of them sets a custom parameter on a function, which PostgreSQL
     * 15 lets only a superuser do).
     */
    async function withUnprivilegedOwner(fn: (ownerUrl: string, role: string, adminUrl: string) => Promise<void>) {
      const server = await openScriptDatabase();
      const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
      const role = `flowpilot_test_migrator_${suffix}`;
      const database = `flowpilot_scratch_${suffix}`;
      await query(server.url, `CREATE ROLE "${role}" LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB`);
      await query(server.url, `CREATE DATABASE "${database}" OWNER "${role}"`);
      const ownerUrl = new URL(server.url);
      ownerUrl.pathname = `/${database}`;
      ownerUrl.username = role;
      const adminUrl = new URL(server.url);
      adminUrl.pathname = `/${database}`;
      try {
        const before = await copyOfMigrations();
        for (const m of await readMigrations(before)) if (m.name >= RLS_MIGRATION) await rm(path.join(before, m.name), { recursive: true });
        await applyMigrations(adminUrl.toString(), before);
        await query(adminUrl.toString(), `DO $$ DECLARE o text; BEGIN
          FOR o IN SELECT format('ALTER %s %s OWNER TO ${role}', CASE relkind WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, oid::regclass)
                     FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'v')
                   UNION ALL SELECT format('ALTER FUNCTION %s OWNER TO ${role}', oid::regprocedure)
                     FROM pg_proc WHERE pronamespace = 'public'::regnamespace
                   UNION ALL SELECT format('ALTER TYPE %s OWNER TO ${role}', oid::regtype)
                     FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype = 'e'
          LOOP EXECUTE o; END LOOP; END $$`);
        await fn(ownerUrl.toString(), role, adminUrl.toString());
      } finally {
        await query(server.url, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await query(server.url, `DROP ROLE IF EXISTS "${role}"`);
        await server.release();
      }
    }

    it("stops when the app role is missing, saying exactly what to run", async () => {
      await withUnprivilegedOwner(async (url, role) => {
        // flowpilot_app exists on this server already (every test database
        // has it), so the missing role is played by one with a fresh name.
        const dir = await copyOfMigrations();
        const missing = `flowpilot_app_missing_${randomBytes(3).toString("hex")}`;
        const file = path.join(dir, RLS_MIGRATION, "migration.sql");
        await writeFile(file, (await readFile(file, "utf8")).replaceAll("flowpilot_app", missing));

        const failure = await applyMigrations(url, dir).catch((e: Error) => e);
        expect(failure).toBeInstanceOf(Error);
        expect((failure as Error).message).toContain(
          `The role ${missing} does not exist and ${role} may not create roles. As a superuser, run: ` +
            `CREATE ROLE ${missing} NOLOGIN; GRANT ${missing} TO ${role};  then run the migrations again.`,
        );
        expect((failure as Error).message).toContain("nothing was changed");
        const [created] = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM pg_roles WHERE rolname = '${missing}'`);
        expect(created!.n).toBe(0);
      });
    });

    it("stops when it may not join the app role, and applies once an administrator has run the command", async () => {
      await withUnprivilegedOwner(async (url, role, adminUrl) => {
        const failure = await applyMigrations(url, MIGRATIONS_DIR).catch((e: Error) => e);
        expect((failure as Error).message).toContain(
          `The role ${role} is not a member of flowpilot_app and may not grant it to itself. As a superuser, run: ` +
            `GRANT flowpilot_app TO ${role};  then run the migrations again.`,
        );
        // Nothing of it was applied, and it is not left as a failed migration to resolve by hand.
        const [rls] = await query<{ on: boolean }>(url, `SELECT relrowsecurity AS on FROM pg_class WHERE oid = 'users'::regclass`);
        expect(rls!.on).toBe(false);

        await query(adminUrl, `GRANT flowpilot_app TO ${role}`);
        const retry = await applyMigrations(url, MIGRATIONS_DIR);
        expect(retry.applied).toEqual([RLS_MIGRATION]);
        // The owner itself bypasses RLS: it still reads every row.
        const [seen] = await query<{ on: boolean }>(url, `SELECT relrowsecurity AS on FROM pg_class WHERE oid = 'users'::regclass`);
        expect(seen!.on).toBe(true);
      });
    });
  });
});
