// Keys made before scopes existed become read-only analytics keys.
import { describe, expect, it } from "vitest";
import pg from "pg";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyMigrations, MIGRATIONS_DIR } from "@/ops/db/migrations";
import { withScratchDatabase } from "../../support/test-database";

const SCOPES_MIGRATION = "20261128231500_api_key_scopes";

describe("the api_keys.scopes migration", () => {
  it("gives every existing key the read-only analytics:read scope and nothing more", async () => {
    await withScratchDatabase(async (url) => {
      const before = await mkdtemp(path.join(tmpdir(), "flowpilot-migrations-"));
      await cp(MIGRATIONS_DIR, before, { recursive: true });
      // Everything up to, not including, the scopes migration.
      for (const name of await readdir(before)) {
        if (name >= SCOPES_MIGRATION && !name.endsWith(".toml")) await rm(path.join(before, name), { recursive: true });
      }
      await applyMigrations(url, before);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows: [account] } = await client.query<{ id: string }>(`INSERT INTO accounts (name) VALUES ('Old') RETURNING id`);
        const { rows: [user] } = await client.query<{ id: string }>(
          `INSERT INTO users (account_id, email, name, password_hash, account_role)
           VALUES ($1, 'old@test.flowpilot.test', 'Old', 'h', 'engineer') RETURNING id`, [account!.id]);
        await client.query(
          `INSERT INTO api_keys (account_id, user_id, name, key_hash) VALUES ($1, $2, 'pilot', 'hash-of-an-old-key')`,
          [account!.id, user!.id]);

        await applyMigrations(url, MIGRATIONS_DIR);
        const { rows } = await client.query<{ scopes: string[] }>(`SELECT scopes FROM api_keys`);
        expect(rows).toEqual([{ scopes: ["analytics:read"] }]);
      } finally {
        await client.end();
        await rm(before, { recursive: true });
      }
    });
  });
});
