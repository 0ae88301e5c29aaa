/**
 * Deterministic synthetic data for the benchmark, generated inside
 * PostgreSQL with set-based INSERT … SELECT generate_series, in chunks.
 *
 * 1. Randomness is counter-based: every value of session g is drawn from
 *    hashint8extended(g, seed), so the same seed and scale give the same rows
 *    (relative to the anchor time) whatever the chunk size or machine.
 * 2. Ids are built from (account, kind, counter) rather than random, so the
 *    primary-key indexes grow at their right edge and loading stays fast.
 * 3. Sessions and steps are loaded with triggers and foreign-key checks off
 *    (session_replication_role = replica; the rows are consistent by
 *    construction). Handoffs are then inserted with the triggers on, so
 *    first_action_at is computed by the same trigger that keeps it in
 *    production — the backfill path.
 */
import type pg from "pg";
import { log, progress } from "./progress";

export type AccountSpec = {
  /** account number: part of every id of the account */
  no: number;
  name: string;
  handoffs: number;
  claimedFraction: number;
  /** claims (or, when unclaimed, handoffs) spread uniformly over this many days before the anchor */
  spanDays: number;
  stepsMin: number;
  stepsMax: number;
  seed: number;
};

export type GeneratedAccount = { name: string; accountId: string; userId: string; email: string; handoffs: number };

/** Engineers per account who claim its handoffs (user 1 is the account's bench user), so breakdowns have groups. */
export const ENGINEERS_PER_ACCOUNT = 8;

/** One session (and handoff) per row g; see the header for the shapes. */
const PARAMS = `
  SELECT g, claimed, claimed_at, handoff_at, session_at, n_steps, acted, priority, claimer,
         CASE WHEN acted THEN greatest(1, floor(n_steps * (0.3 + 0.4 * r7)))::int ELSE n_steps END AS n_pre,
         first_delay, gap
    FROM (
      SELECT g, claimed, r7,
             (ARRAY['low', 'normal', 'high', 'urgent'])[1 + floor(r10 * 4)::int] AS priority,
             1 + floor(r11 * ENGINEERS_PER_ACCOUNT)::int AS claimer,
             CASE WHEN claimed THEN t_event END AS claimed_at,
             CASE WHEN claimed THEN t_event - r3 * interval '1 hour' ELSE t_event END AS handoff_at,
             CASE WHEN claimed THEN t_event - r3 * interval '1 hour' ELSE t_event END
               - (300 + r4 * 1500) * interval '1 second' AS session_at,
             $steps_min::int + floor(r5 * ($steps_max::int - $steps_min::int + 1))::int AS n_steps,
             claimed AND r6 < 0.92 AS acted,
             -- first action 20 s .. 2 h after the claim, log-uniform; later steps 10 s .. 10 min apart
             exp(ln(20) + r8 * ln(360)) * interval '1 second' AS first_delay,
             (10 + r9 * 590) * interval '1 second' AS gap
        FROM (
          SELECT g, r(1) < $claimed_fraction::float8 AS claimed,
                 $anchor::timestamptz - interval '1 minute' - r(2) * $span_days::float8 * interval '1 day' AS t_event,
                 r(3) AS r3, r(4) AS r4, r(5) AS r5, r(6) AS r6, r(7) AS r7, r(8) AS r8, r(9) AS r9, r(10) AS r10, r(11) AS r11
            FROM generate_series($lo::bigint, $hi::bigint) g
        ) d
    ) e`;

/** r(k): the k-th uniform [0,1) draw for session g. */
const rand = (k: number) =>
  `((hashint8extended(g, $seed::bigint * 64 + ${k}) & 4503599627370495)::float8 / 4503599627370496.0)`;

const uuid = (account: string, kind: number, n: string) =>
  `(lpad(to_hex(${account}), 8, '0') || '-' || lpad(to_hex(${kind}), 4, '0') || '-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

/** Named parameters → positional ones, for one statement. */
function bind(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const names: string[] = [];
  const text = sql
    .replace(/r\((\d+)\)/g, (_, k: string) => rand(Number(k)))
    .replace(/ENGINEERS_PER_ACCOUNT/g, String(ENGINEERS_PER_ACCOUNT))
    .replace(/\$([a-z_]+)/g, (_, name: string) => {
      if (!(name in values)) throw new Error(`no value for $${name}`);
      let i = names.indexOf(name);
      if (i < 0) i = names.push(name) - 1;
      return `$${i + 1}`;
    });
  return [text, names.map((n) => values[n])];
}

/** Drops a table's indexes (primary key included) and returns the DDL that recreates them as they were. */
async function dropIndexes(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ index: string; def: string; constraint: string | null; condef: string | null }>(
    `SELECT i.indexrelid::regclass::text AS index, pg_get_indexdef(i.indexrelid) AS def, c.conname AS constraint, pg_get_constraintdef(c.oid) AS condef
       FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.contype = 'p'
      WHERE i.indrelid = $1::regclass ORDER BY i.indisprimary DESC, 1`,
    [table],
  );
  const ddl: string[] = [];
  for (const r of rows) {
    if (r.constraint) {
      await client.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${r.constraint}"`);
      ddl.push(`ALTER TABLE "${table}" ADD CONSTRAINT "${r.constraint}" ${r.condef}`);
    } else {
      await client.query(`DROP INDEX ${r.index}`);
      ddl.push(r.def);
    }
  }
  return ddl;
}

export const expectedRows = (specs: AccountSpec[]) =>
  specs.reduce((n, s) => n + s.handoffs * (2 + (s.stepsMin + s.stepsMax) / 2), 0);

export async function generate(client: pg.Client, specs: AccountSpec[], anchor: Date, chunk = 20_000): Promise<GeneratedAccount[]> {
  const canReplicate = await client
    .query(`SET session_replication_role = replica`)
    .then(() => client.query(`SET session_replication_role = origin`))
    .then(() => true, () => false);
  if (!canReplicate) log("not allowed to set session_replication_role: loading with foreign-key checks and triggers on (slower)");

  const accounts: GeneratedAccount[] = [];
  for (const spec of specs) {
    const accountId = `${spec.no.toString(16).padStart(8, "0")}-0000-4000-8000-000000000000`;
    const userId = `${spec.no.toString(16).padStart(8, "0")}-0001-4000-8000-000000000001`;
    const email = `bench-${spec.name}@bench.flowpilot.test`;
    await client.query(`INSERT INTO accounts (id, name) VALUES ($1, $2)`, [accountId, `Bench ${spec.name}`]);
    await client.query(
      `INSERT INTO users (id, account_id, email, name, password_hash, account_role) VALUES ($1, $2, $3, $4, 'scrypt$bench', 'engineer')`,
      [userId, accountId, email, `Bench ${spec.name}`],
    );
    await client.query(
      `INSERT INTO users (id, account_id, email, name, password_hash, account_role)
       SELECT ${uuid("$1::int", 1, "k")}, $2, 'bench-' || $3 || '-' || k || '@bench.flowpilot.test', 'Bench engineer ' || k, 'scrypt$bench', 'engineer'
         FROM generate_series(2, ${ENGINEERS_PER_ACCOUNT}) k`,
      [spec.no, accountId, spec.name],
    );
    accounts.push({ name: spec.name, accountId, userId, email, handoffs: spec.handoffs });
  }

  const bar = progress("generating", Math.round(expectedRows(specs)));
  let rows = 0;
  const spent = { sessions: 0, steps: 0, indexes: 0, handoffs: 0 };
  const timed = async <T,>(what: keyof typeof spent, fn: () => Promise<T>) => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      spent[what] += (performance.now() - t0) / 1000;
    }
  };
  const chunks = specs.flatMap((spec, i) => {
    const { accountId, userId } = accounts[i]!;
    const out = [];
    for (let lo = 1; lo <= spec.handoffs; lo += chunk) {
      out.push({
        lo, hi: Math.min(spec.handoffs, lo + chunk - 1), seed: spec.seed, anchor, claimed_fraction: spec.claimedFraction,
        span_days: spec.spanDays, steps_min: spec.stepsMin, steps_max: spec.stepsMax, account: accountId, user: userId, no: spec.no,
      });
    }
    return out;
  });

  // Pass 1: sessions and steps. Without the checks, the steps table's indexes
  // are cheaper to build once at the end than to grow row by row.
  const stepIndexes = canReplicate ? await dropIndexes(client, "ai_session_steps") : [];
  for (const values of chunks) {
    await client.query("BEGIN");
    if (canReplicate) await client.query(`SET LOCAL session_replication_role = replica`);
    const sessions = await timed("sessions", () => client.query(...bind(`
      WITH p AS MATERIALIZED (${PARAMS})
      INSERT INTO ai_sessions (id, created_at, user_id, account_id, session_type, intake_type, intake_content, status, confidence_tier, conversation_messages)
      SELECT ${uuid("$no::int", 2, "g")}, session_at, $user::uuid, $account::uuid, 'troubleshooting', 'ticket', '{}', 'resolved', 'medium', '[]'
        FROM p`, values)));
    const steps = await timed("steps", () => client.query(...bind(`
      WITH p AS MATERIALIZED (${PARAMS})
      INSERT INTO ai_session_steps (id, created_at, session_id, account_id, step_order, step_type, content)
      SELECT ${uuid("$no::int", 4, "g * 32 + j")}, t, ${uuid("$no::int", 2, "g")}, $account::uuid, j, 'note', '{}'
        FROM p
       CROSS JOIN LATERAL generate_series(1, p.n_steps) j
       CROSS JOIN LATERAL (
         SELECT CASE WHEN j <= p.n_pre
                  THEN p.session_at + (p.handoff_at - p.session_at) * (j::float8 / (p.n_pre + 1))
                  ELSE p.claimed_at + p.first_delay + (j - p.n_pre - 1) * p.gap
                END AS t
       ) s
       -- a step after the anchor has not happened yet
       WHERE s.t <= $anchor::timestamptz`, values)));
    await client.query("COMMIT");
    rows += (sessions.rowCount ?? 0) + (steps.rowCount ?? 0);
    bar.update(rows);
  }
  await timed("indexes", async () => {
    for (const ddl of stepIndexes) await client.query(ddl);
  });

  // Pass 2: handoffs, with the triggers on, so first_action_at is computed
  // by the trigger that keeps it in production.
  for (const values of chunks) {
    const handoffs = await timed("handoffs", () => client.query(...bind(`
      WITH p AS MATERIALIZED (${PARAMS})
      INSERT INTO session_handoffs (id, created_at, session_id, account_id, handed_off_by, intent, snapshot, priority, claimed_at, claimed_by)
      SELECT ${uuid("$no::int", 3, "g")}, handoff_at, ${uuid("$no::int", 2, "g")}, $account::uuid, $user::uuid,
             'stuck', '{}', priority, claimed_at, CASE WHEN claimed THEN ${uuid("$no::int", 1, "claimer")} END
        FROM p`, values)));
    rows += handoffs.rowCount ?? 0;
    bar.update(rows);
  }
  // Handoff inserts queue their sessions for recomputation. Nothing else
  // writes during generation, so the values the trigger stored are final.
  await client.query(`TRUNCATE first_action_pending`);
  const seconds = bar.done();
  log(`generated ${rows.toLocaleString("en-US")} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString("en-US")} rows/s; ` +
    `sessions ${spent.sessions.toFixed(1)} s, steps ${spent.steps.toFixed(1)} s, step indexes ${spent.indexes.toFixed(1)} s, handoffs with the first-action trigger ${spent.handoffs.toFixed(1)} s)`);
  return accounts;
}
