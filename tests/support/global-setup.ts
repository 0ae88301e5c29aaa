import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";
import { startPgBouncer } from "./pgbouncer";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One fresh database per run. With DATABASE_VIA_PGBOUNCER=1 (in the
 * environment, or set by a project: the integration-pgbouncer one) the
 * tests, and the app code they run, reach it through a PgBouncer in
 * transaction pooling mode instead.
 */
export default async function setup(project: TestProject) {
  const db = await createTestDatabase();
  const viaPgBouncer = (project.config.env?.DATABASE_VIA_PGBOUNCER ?? process.env.DATABASE_VIA_PGBOUNCER) === "1";
  const pooler = viaPgBouncer ? await startPgBouncer(db.url) : null;
  project.provide("databaseUrl", pooler?.url ?? db.url);
  return async () => {
    await pooler?.stop();
    await db.drop();
  };
}
