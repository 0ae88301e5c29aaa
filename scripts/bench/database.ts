/**
 * The benchmark's own database, next to (never instead of) the dev and test
 * ones: created on the server of DATABASE_URL, or on the embedded server when
 * it is unset, migrated with the app's migration applier, and reused across
 * runs while its marker says it holds the data asked for.
 */
import pg from "pg";
import { applyMigrations, MIGRATIONS_DIR, MigrationError } from "@/ops/db/migrations";
import { log } from "./progress";

export type Marker = { dataVersion: number; [key: string]: unknown };

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  await admin(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  const url = withDatabase(serverUrl, name);
  await applyMigrations(url, MIGRATIONS_DIR, log);
  return url;
}

/**
 * The database's URL and its marker when it exists, is migrated and carries
 * data for `wanted`; otherwise null (the caller regenerates).
 */
export async function openExisting(serverUrl: string, name: string, wanted: Marker): Promise<{ url: string; marker: Marker } | null> {
  const exists = await admin(serverUrl, async (c) => (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1);
  if (!exists) return null;
  const url = withDatabase(serverUrl, name);
  try {
    await applyMigrations(url, MIGRATIONS_DIR, log);
  } catch (error) {
    if (error instanceof MigrationError) {
      log(`existing ${name} does not match the migrations (${error.message.split(".")[0]}); rebuilding it`);
      return null;
    }
    throw error;
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ marker: Marker }>(
      `SELECT value AS marker FROM bench_marker WHERE key = 'data'`,
    ).catch(() => ({ rows: [] as { marker: Marker }[] }));
    const marker = rows[0]?.marker;
    if (!marker) return null;
    const same = Object.entries(wanted).every(([k, v]) => JSON.stringify(marker[k]) === JSON.stringify(v));
    return same ? { url, marker } : null;
  } finally {
    await c.end();
  }
}

export async function writeMarker(client: pg.Client, marker: Marker) {
  await client.query(`CREATE TABLE IF NOT EXISTS bench_marker (key text PRIMARY KEY, value jsonb NOT NULL)`);
  await client.query(
    `INSERT INTO bench_marker (key, value) VALUES ('data', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [JSON.stringify(marker)],
  );
}
