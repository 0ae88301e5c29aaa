/**
 * Query plans of the production path, taken on the production connection
 * settings, and the check that it pays no JIT compilation.
 *
 * The SQL is captured from Prisma's query log while the procedure runs, so
 * the plan is of the exact statement the app sends, not of a copy.
 */
import pg from "pg";
import { createDb, type Db } from "@/server/db/client";

export type CapturedQuery = { sql: string; params: unknown[] };

/** The SELECT statement(s) a read path sends, from Prisma's query log. */
export async function captureSql(url: string, run: (db: Db) => Promise<unknown>): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  // The app's own client (so procedures open their account scope as in production), logging.
  const logging = createDb(url, { max: 1, onQuery: (e) => captured.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] }) });
  try {
    await run(logging);
  } finally {
    await logging.$disconnect();
  }
  return captured.filter((q) => /^\s*(WITH|SELECT)/i.test(q.sql));
}

type PlanNode = Record<string, unknown>;

export type ExplainResult = { json: PlanNode; text: string; jit: PlanNode | null; executionMs: number; planningMs: number };

async function explainOn(run: (sql: string, params: unknown[]) => Promise<unknown[]>, q: CapturedQuery): Promise<ExplainResult> {
  const [jsonRow] = await run(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${q.sql}`, q.params);
  const raw = Object.values(jsonRow as Record<string, unknown>)[0];
  const json = ((typeof raw === "string" ? JSON.parse(raw) : raw) as PlanNode[])[0]!;
  const textRows = await run(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.sql}`, q.params);
  const text = textRows.map((r) => Object.values(r as Record<string, unknown>)[0]).join("\n");
  return {
    json,
    text,
    jit: (json.JIT as PlanNode | undefined) ?? null,
    executionMs: json["Execution Time"] as number,
    planningMs: json["Planning Time"] as number,
  };
}

/** EXPLAIN ANALYZE through the app's own client, i.e. its connection settings. */
export function explainWithApp(db: Db, q: CapturedQuery) {
  return explainOn((sql, params) => db.$queryRawUnsafe<unknown[]>(sql, ...params), q);
}

/** The same statement on a plain connection with the server's JIT switched on, for comparison. */
export async function explainWithJit(url: string, q: CapturedQuery) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("SET jit = on");
    return await explainOn(async (sql, params) => (await c.query(sql, params)).rows, q);
  } finally {
    await c.end();
  }
}
