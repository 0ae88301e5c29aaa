/**
 * Row-level security as defence in depth (docs/isolation.md): queries that
 * forget their account filter, run through the request path, still see only
 * the caller's account; without an account they see nothing; the lookups
 * made before sign-in go through their narrow functions only; and every
 * tenant table is covered, including tables added later.
 */
import { describe, expect, it } from "vitest";
import { createContext, createContextInner } from "@/server/api/context";
import { inAccountScope } from "@/server/db/scope";
import { statementsOn } from "@/server/db/statements";
import { testDb } from "../../support/db";
import { accountsOfAllRows, callForgetful, TENANT_TABLES, tenantInEveryTable } from "../../support/forgetful-router";
import { sessionCookie } from "../../support/session-cookie";
import { addApiKey, addStep, after, secondsInMs } from "../../support/world";

const db = testDb();

/** Tables with no tenant data, which the app role cannot read at all. */
const NOT_TENANT_TABLES = ["_prisma_migrations", "rate_limits"];

const tenant = (name: string) => tenantInEveryTable(db, name);

const request = (headers: Record<string, string>) => new Request("http://app.test/api/trpc/x", { headers });

describe("row-level security on the request path", () => {
  it("shows a query without its account filter only the caller's rows, in every tenant table and the view", async () => {
    const a = await tenant("A");
    const b = await tenant("B");
    // Resolved from real credentials, as a request is: an API key, and a session cookie.
    const viaKey = callForgetful(await createContext(request({ authorization: `Bearer ${a.token}` }), db));
    const viaCookie = callForgetful(await createContext(request({ cookie: await sessionCookie(b.userId) }), db));

    const { seen: seenByA } = await viaKey.everything();
    for (const table of [...Object.keys(TENANT_TABLES), "handoff_first_actions"]) {
      expect({ table, accounts: seenByA[table] }).toEqual({ table, accounts: [a.accountId] });
    }
    const { seen: seenByB } = await viaCookie.everything();
    for (const table of Object.keys(seenByB)) expect({ table, accounts: seenByB[table] }).toEqual({ table, accounts: [b.accountId] });

    expect(new Set((await viaKey.handoffsViaPrisma()).map((h) => h.accountId))).toEqual(new Set([a.accountId]));
  });

  it("lets a write without its account filter change only the caller's rows, and refuses rows for another account", async () => {
    const a = await tenant("A");
    const b = await tenant("B");
    const asA = callForgetful(createContextInner({ db, caller: a.caller }));
    expect((await asA.renameEveryAccount()).count).toBe(1);
    expect((await db.account.findUniqueOrThrow({ where: { id: b.accountId } })).name).toBe("B");
    await expect(asA.writeIntoAnother({ accountId: b.accountId, userId: b.userId })).rejects.toThrow();
    expect(await db.aiSession.count({ where: { accountId: b.accountId } })).toBe(1);
  });

  it("rolls back a procedure's writes when it fails", async () => {
    const a = await tenant("A");
    await expect(callForgetful(createContextInner({ db, caller: a.caller })).writeThenFail()).rejects.toThrow();
    expect((await db.account.findUniqueOrThrow({ where: { id: a.accountId } })).name).toBe("A");
  });

  it("shows a request without an account no rows at all (fails closed)", async () => {
    await tenant("A");
    const anonymous = callForgetful(createContextInner({ db, caller: null }));
    const { seen } = await anonymous.everythingAnonymously();
    for (const table of Object.keys(seen)) expect({ table, rows: seen[table] }).toEqual({ table, rows: [] });
    // The scope itself, with no account: the same.
    const direct = await inAccountScope(db, null, (q) => accountsOfAllRows(statementsOn(q)));
    for (const table of Object.keys(direct)) expect({ table, rows: direct[table] }).toEqual({ table, rows: [] });
  });

  it("keeps the metric exact through the view while a step is pending, and shows the pending row to its account only", async () => {
    const a = await tenant("A");
    const b = await tenant("B");
    const { claimedAt, sessionId } = await db.sessionHandoff.findFirstOrThrow({ where: { accountId: a.accountId } });
    // An earlier first action, written after the claim was stored: pending until folded.
    await addStep(db, { accountId: a.accountId, sessionId }, after(claimedAt!, secondsInMs(5)), 2);
    const read = (accountId: string) =>
      inAccountScope(db, accountId, (q) => q.$queryRaw<{ first_action_at: Date; pending: number }[]>`
        SELECT first_action_at, (SELECT count(*)::int FROM first_action_pending) AS pending FROM handoff_first_actions`);
    const [seen] = await read(a.accountId);
    expect(seen!.first_action_at).toEqual(after(claimedAt!, secondsInMs(5)));
    expect(seen!.pending).toBeGreaterThan(0);
    const pendingOfB = await inAccountScope(db, b.accountId, (q) =>
      q.$queryRaw<{ session_id: string }[]>`SELECT session_id FROM first_action_pending WHERE session_id = ${sessionId}::uuid`);
    expect(pendingOfB).toEqual([]);
  });
});

describe("lookups before the account is known", () => {
  it("are the definer functions only: the app role finds nobody by email or key hash directly", async () => {
    const a = await tenant("A");
    await inAccountScope(db, null, async (q) => {
      expect(await q.$queryRaw`SELECT id FROM users WHERE email = ${a.user.email}`).toEqual([]);
      expect(await q.$queryRaw`SELECT id FROM api_keys WHERE account_id = ${a.accountId}::uuid`).toEqual([]);
      const [signIn] = await q.$queryRaw<Record<string, unknown>[]>`SELECT * FROM flowpilot_sign_in_user(${a.user.email})`;
      expect(Object.keys(signIn!).sort()).toEqual(["email", "id", "name", "password_hash"]);
      expect(signIn!.id).toBe(a.userId);
      const [bySession] = await q.$queryRaw<Record<string, unknown>[]>`SELECT * FROM flowpilot_session_caller(${a.userId}::uuid)`;
      // A caller, never the password hash.
      expect(Object.keys(bySession!).sort()).toEqual(["account_id", "account_role", "email", "id", "name"]);
    });
  });

  it("find nothing for a revoked key", async () => {
    const a = await tenant("A");
    const revoked = await addApiKey(db, a.user, { revoked: true });
    const ctx = await createContext(request({ authorization: `Bearer ${revoked.token}` }), db);
    expect(ctx.caller).toBeNull();
  });

  it("may not be called by other roles", async () => {
    const [row] = await db.$queryRaw<{ roles: string[] }[]>`
      SELECT array_agg(DISTINCT grantee::regrole::text ORDER BY grantee::regrole::text) AS roles
        FROM pg_proc p, aclexplode(p.proacl) a
       WHERE p.proname IN ('flowpilot_sign_in_user', 'flowpilot_session_caller', 'flowpilot_api_key_caller')
         AND a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner`;
    expect(row!.roles).toEqual(["flowpilot_app"]);
  });
});

describe("coverage", () => {
  it("puts every table with an account under a policy for the app role, and keeps it out of the others", async () => {
    const tables = await db.$queryRaw<{ table: string; rls: boolean; restrictive: boolean; readable: boolean }[]>`
      SELECT c.relname AS table, c.relrowsecurity AS rls,
             EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname AND p.permissive = 'RESTRICTIVE'
                                                   AND 'flowpilot_app' = ANY (p.roles)) AS restrictive,
             has_table_privilege('flowpilot_app', c.oid, 'SELECT') AS readable
        FROM pg_class c
       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
       ORDER BY 1`;
    // A new table must be added to one list or the other (and, if it holds an
    // account's rows, get its policies: docs/isolation.md).
    expect(tables.map((t) => t.table).sort()).toEqual([...Object.keys(TENANT_TABLES), ...NOT_TENANT_TABLES].sort());
    for (const t of tables) {
      const tenantTable = t.table in TENANT_TABLES;
      expect({ ...t, expected: tenantTable }).toEqual({ ...t, rls: tenantTable, restrictive: tenantTable, readable: tenantTable, expected: tenantTable });
    }
    const [view] = await db.$queryRaw<{ options: string[] }[]>`
      SELECT reloptions AS options FROM pg_class WHERE oid = 'handoff_first_actions'::regclass`;
    expect(view!.options).toContain("security_invoker=true");
  });
});
