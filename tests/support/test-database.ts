/**
 * A fresh database per test run, on the server named by DATABASE_URL (or
 * the embedded one when it is unset), dropped when the run ends.
 */
import pg from "pg";
import { randomBytes } from "node:crypto";
import { openScriptDatabase } from "@/ops/db/connection";
import { applyMigrations, MIGRATIONS_DIR } from "@/ops/db/migrations";

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> };

export async function createTestDatabase(prefix = "flowpilot_test", migrate = true): Promise<TestDatabase> {
  const server = await openScriptDatabase();
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const adminClient = new pg.Client({ connectionString: server.url });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE "${name}"`);
  await adminClient.end();

  const url = new URL(server.url);
  url.pathname = `/${name}`;
  if (migrate) await applyMigrations(url.toString(), MIGRATIONS_DIR);

  return {
    url: url.toString(),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: server.url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
      await server.release();
    },
  };
}

/** A second, empty database on the same server (for migration tests). */
export async function withScratchDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const db = await createTestDatabase("flowpilot_scratch", false);
  try {
    return await fn(db.url);
  } finally {
    await db.drop();
  }
}
