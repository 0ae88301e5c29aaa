/**
 * The load test's tenants: ACCOUNTS small accounts of a realistic shape,
 * written with set-based INSERT … SELECT over generate_series (a few
 * statements, not one per row).
 *
 * Per account: an owner, an admin, three engineers and a viewer; 60
 * sessions with four steps each before their handoff; one handoff per
 * session, the first 20 open (for the run's claims), the others claimed by
 * an engineer in the last 30 days, nine in ten of them with one to three
 * steps after the claim; one read-only API key (the stat card's). The
 * handoffs go in last, with the triggers on, so first_action_at is computed
 * as in production, and the pending recomputations are folded at the end. Account 1 also has a second key, sent over its rate
 * limit on purpose.
 *
 * Ids are built from (account, kind, number), so the run can name rows
 * without reading them back.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hashApiKey } from "@/server/auth/api-keys";
import { hashPassword } from "@/server/auth/password";

export const SESSIONS_PER_ACCOUNT = 60;
export const OPEN_PER_ACCOUNT = 20;
/** users 1..6 of every account */
export const USERS = { owner: 1, admin: 2, engineer: 3, viewer: 6 } as const;
const ENGINEERS = [3, 4, 5];

export const LOAD_PASSWORD = "load-test-password";

/** The id of row `n` of `kind` in account `account` (SQL and JS agree). */
const KIND = { account: 0, user: 1, session: 2, handoff: 3, step: 4, apiKey: 5 } as const;
export function loadId(account: number, kind: keyof typeof KIND, n: number): string {
  const hex = (v: number, w: number) => v.toString(16).padStart(w, "0");
  return `${hex(account, 8)}-${hex(KIND[kind], 4)}-4000-8000-${hex(n, 12)}`;
}
const sqlId = (account: string, kind: keyof typeof KIND, n: string) =>
  `(lpad(to_hex(${account}), 8, '0') || '-' || lpad(to_hex(${KIND[kind]}), 4, '0') || '-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

export type SeededAccount = {
  no: number;
  accountId: string;
  /** the stat card's key (analytics:read), held by engineer 3 */
  readKey: string;
};

export type Seeded = {
  accounts: SeededAccount[];
  /** account 1's second key, for the deliberate 429s */
  overLimitKey: string;
};

export async function seedLoad(url: string, accounts: number, log: (line: string) => void): Promise<Seeded> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  try {
    const passwordHash = await hashPassword(LOAD_PASSWORD);
    const engineers = `(ARRAY[${ENGINEERS.join(",")}])`;
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO accounts (id, name, first_action_target_seconds)
       SELECT ${sqlId("a", "account", "0")}, 'Load MSP ' || a, CASE WHEN a % 2 = 0 THEN 900 END
         FROM generate_series(1, $1::int) a`,
      [accounts],
    );
    await client.query(
      `INSERT INTO users (id, account_id, email, name, password_hash, account_role)
       SELECT ${sqlId("a", "user", "u")}, ${sqlId("a", "account", "0")},
              'user' || u || '-msp' || a || '@load.flowpilot.test',
              (ARRAY['Olivia Owner', 'Adam Admin', 'Erin Engineer', 'Eli Engineer', 'Ezra Engineer', 'Vera Viewer'])[u] || ' ' || a,
              $2, (ARRAY['owner', 'admin', 'engineer', 'engineer', 'engineer', 'viewer'])[u]::account_role
         FROM generate_series(1, $1::int) a, generate_series(1, 6) u`,
      [accounts, passwordHash],
    );
    // The shape of every session g of every account: open or claimed, when, by whom.
    const plan = `
      SELECT a, g, g <= ${OPEN_PER_ACCOUNT} AS open,
             ${engineers}[1 + (g % 3)] AS claimer,
             CASE WHEN g <= ${OPEN_PER_ACCOUNT}
                  THEN now() - ((g * 7 + a) % 240) * interval '1 minute'
                  ELSE now() - interval '1 hour' - ((g * 7919 + a * 104729) % (30 * 86400)) * interval '1 second' END AS handoff_at,
             ((g * 31 + a) % 1800 + 20) * interval '1 second' AS claim_delay,
             ((g * 17 + a) % 3600 + 30) * interval '1 second' AS action_delay,
             g > ${OPEN_PER_ACCOUNT} AND g % 10 <> 0 AS acted,
             1 + (g + a) % 3 AS n_after
        FROM generate_series(1, $1::int) a, generate_series(1, ${SESSIONS_PER_ACCOUNT}) g`;
    await client.query(
      `WITH p AS (${plan})
       INSERT INTO ai_sessions (id, created_at, user_id, account_id, session_type, intake_type, intake_content, status, confidence_tier, conversation_messages)
       SELECT ${sqlId("a", "session", "g")}, handoff_at - interval '20 minutes', ${sqlId("a", "user", "claimer")}, ${sqlId("a", "account", "0")},
              (ARRAY['troubleshooting', 'onboarding', 'change_request'])[1 + g % 3], 'ticket',
              jsonb_build_object('ticket', 'T-' || (a * 1000 + g), 'summary', 'Printer queue stuck on site ' || g),
              CASE WHEN open THEN 'escalated' ELSE 'in_progress' END,
              (ARRAY['low', 'medium', 'high'])[1 + g % 3],
              jsonb_build_array(jsonb_build_object('role', 'user', 'text', 'It stopped printing again'))
         FROM p`,
      [accounts],
    );
    await client.query(
      `WITH p AS (${plan})
       INSERT INTO ai_session_steps (id, created_at, session_id, account_id, step_order, step_type, content, confidence_at_step, input_tokens, output_tokens)
       SELECT ${sqlId("a", "step", "g * 16 + j")}, handoff_at - (5 - j) * interval '4 minutes', ${sqlId("a", "session", "g")},
              ${sqlId("a", "account", "0")}, j, (ARRAY['question', 'diagnosis', 'suggestion', 'handoff'])[j],
              jsonb_build_object('text', 'Step ' || j), 0.9 - j * 0.1, 120 * j, 80 * j
         FROM p, generate_series(1, 4) j
       UNION ALL
       SELECT ${sqlId("a", "step", "g * 16 + 4 + j")}, handoff_at + claim_delay + action_delay + (j - 1) * interval '3 minutes',
              ${sqlId("a", "session", "g")}, ${sqlId("a", "account", "0")}, 4 + j, 'engineer_note',
              jsonb_build_object('text', 'Restarted the spooler (' || j || ')'), NULL, 0, 0
         FROM p, generate_series(1, 3) j
        WHERE acted AND j <= n_after AND handoff_at + claim_delay + action_delay + (j - 1) * interval '3 minutes' < now()`,
      [accounts],
    );
    await client.query(
      `WITH p AS (${plan})
       INSERT INTO session_handoffs (id, created_at, session_id, account_id, handed_off_by, intent, snapshot, priority, claimed_at, claimed_by)
       SELECT ${sqlId("a", "handoff", "g")}, handoff_at, ${sqlId("a", "session", "g")}, ${sqlId("a", "account", "0")},
              ${sqlId("a", "user", "claimer")}, (ARRAY['stuck', 'needs_access', 'customer_waiting', 'out_of_scope'])[1 + g % 4],
              jsonb_build_object('steps', 4), (ARRAY['low', 'normal', 'high', 'urgent'])[1 + (g * 3) % 4],
              CASE WHEN NOT open THEN least(handoff_at + claim_delay, now()) END,
              CASE WHEN NOT open THEN ${sqlId("a", "user", "claimer")} END
         FROM p`,
      [accounts],
    );

    const tokens = Array.from({ length: accounts + 1 }, () => `fp_${randomBytes(32).toString("base64url")}`);
    const owners = [...Array.from({ length: accounts }, (_, i) => [i + 1, 1]), [1, 2]] as const;
    await client.query(
      `INSERT INTO api_keys (id, account_id, user_id, name, key_hash, key_prefix, scopes)
       SELECT ${sqlId("k.a", "apiKey", "k.n")}, ${sqlId("k.a", "account", "0")}, ${sqlId("k.a", "user", String(USERS.engineer))},
              'Stat card ' || k.n, k.hash, left(k.token, 11), ARRAY['analytics:read']
         FROM unnest($1::int[], $2::int[], $3::text[], $4::text[]) AS k(a, n, hash, token)`,
      [owners.map((o) => o[0]), owners.map((o) => o[1]), tokens.map(hashApiKey), tokens],
    );
    await client.query("COMMIT");
    // Every step and handoff written above left its session in
    // first_action_pending, and the metric's read recomputes pending sessions
    // until they are folded (30 ms instead of 2 ms per stat card at 1 000
    // accounts). A running app folds as it goes; a fresh data set of this
    // size is folded here, as a deployment's backfill would be. VACUUM then
    // marks the pages all-visible, so the metric's read is index-only.
    for (let i = 0; i < 100; i++) {
      const { rows } = await client.query<{ n: number }>(`SELECT flowpilot_fold_first_actions(100000) AS n`);
      if (rows[0]!.n === 0) break;
    }
    await client.query("VACUUM ANALYZE");
    const { rows } = await client.query<{ n: string }>(`SELECT
      (SELECT count(*) FROM users) + (SELECT count(*) FROM ai_sessions) + (SELECT count(*) FROM ai_session_steps)
      + (SELECT count(*) FROM session_handoffs) + (SELECT count(*) FROM api_keys) AS n`);
    log(`seeded ${accounts} accounts (${Number(rows[0]!.n).toLocaleString("en")} rows) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return {
      accounts: Array.from({ length: accounts }, (_, i) => ({ no: i + 1, accountId: loadId(i + 1, "account", 0), readKey: tokens[i]! })),
      overLimitKey: tokens[accounts]!,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
