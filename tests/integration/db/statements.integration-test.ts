/**
 * Reads sent in one flight (db/statements.ts): the metric's path. The same
 * guarantees as every scoped transaction — only the caller's rows, none
 * without an account, transaction-local settings — plus the flight's own:
 * it cannot write, an opening that fails lets no row through, and a failed
 * statement leaves the connection clean for the next tenant.
 */
import { afterAll, describe, expect, it, inject } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { createContextInner } from "@/server/api/context";
import { createDb, pipelinedReadsOf } from "@/server/db/client";
import { readInAccountScope, readInOneFlight } from "@/server/db/statements";
import { testDb } from "../../support/db";
import { accountsOfAllRows, callForgetful, TENANT_TABLES, tenantInEveryTable } from "../../support/forgetful-router";

const db = testDb();
// One pipelined connection, so that every read below reuses it.
const single = createDb(inject("databaseUrl"), { max: 1 });
afterAll(() => single.$disconnect());

const tenant = (name: string) => tenantInEveryTable(db, name);

const everyTable = [...Object.keys(TENANT_TABLES), "handoff_first_actions"];
const settings = Prisma.sql`
  SELECT current_user::text AS role, current_setting('app.account_id', true) AS account,
         current_setting('transaction_read_only') AS read_only, pg_backend_pid() AS pid`;

describe("reads in one flight", () => {
  it("show statements without an account filter only the caller's rows, through the procedure chain", async () => {
    const a = await tenant("A");
    const b = await tenant("B");
    for (const t of [a, b]) {
      const seen = await callForgetful(createContextInner({ db, caller: t.caller })).everythingInOneFlight();
      expect(seen.role).toBe("flowpilot_app");
      expect(seen.account).toBe(t.accountId);
      for (const table of everyTable) expect({ table, accounts: seen.seen[table] }).toEqual({ table, accounts: [t.accountId] });
    }
  });

  it("show a read without an account no rows at all (fails closed)", async () => {
    await tenant("A");
    const seen = await accountsOfAllRows(readInAccountScope(db, null));
    for (const table of everyTable) expect({ table, rows: seen[table] }).toEqual({ table, rows: [] });
  });

  it("run read-only as flowpilot_app, so a statement cannot write", async () => {
    const a = await tenant("A");
    const [rows] = await readInAccountScope(db, a.accountId)([settings]);
    expect(rows![0]).toMatchObject({ role: "flowpilot_app", account: a.accountId, read_only: "on" });
    await expect(readInAccountScope(db, a.accountId)([Prisma.sql`UPDATE accounts SET name = 'written' RETURNING id`]))
      .rejects.toThrow(/read-only transaction/);
    expect((await db.account.findUniqueOrThrow({ where: { id: a.accountId } })).name).toBe("A");
  });

  it("let no row through when the opening fails, even one read outside any transaction", async () => {
    const a = await tenant("A");
    const pipelined = pipelinedReadsOf(single)!;
    const everyAccount = Prisma.sql`SELECT id::text FROM accounts`;
    // A setting PostgreSQL refuses: the transaction is aborted, the statement refused.
    await expect(readInOneFlight(pipelined, "SET LOCAL ROLE flowpilot_no_such_role")([everyAccount])).rejects.toThrow(/flowpilot_no_such_role/);
    // An opening that does not even parse runs nothing, so the statement after
    // it runs on its own, as the connecting role: its rows must not come back.
    await expect(readInOneFlight(pipelined, "SET LOCAL")([everyAccount])).rejects.toThrow(/syntax/);
    // The connection is idle and unscoped again, and the next read is scoped.
    const [next] = await readInAccountScope(single, a.accountId)([settings]);
    expect(next![0]).toMatchObject({ role: "flowpilot_app", account: a.accountId });
  });

  it("leave nothing behind on the connection after a failed statement", async () => {
    const a = await tenant("A");
    const b = await tenant("B");
    const [[before] = []] = await readInAccountScope(single, a.accountId)([settings]);
    await expect(readInAccountScope(single, a.accountId)([settings, Prisma.sql`SELECT 1 / 0`])).rejects.toThrow(/division by zero/);
    const [[nextTenant] = [], accounts] = await readInAccountScope(single, b.accountId)([settings, Prisma.sql`SELECT DISTINCT account_id::text FROM ai_sessions`]);
    expect(nextTenant).toMatchObject({ role: "flowpilot_app", account: b.accountId, pid: (before as { pid: number }).pid });
    expect(accounts).toEqual([{ account_id: b.accountId }]);
    // The same connection outside a flight: the connecting role, no account.
    const { rows } = await pipelinedReadsOf(single)!.pool.query(
      "SELECT current_user::text AS role, current_setting('app.account_id', true) AS account, pg_backend_pid() AS pid");
    expect(rows[0].role).not.toBe("flowpilot_app");
    expect(rows[0].account ?? "").toBe("");
    expect(rows[0].pid).toBe((before as { pid: number }).pid);
  });

  it("leave for PostgreSQL in one socket write, the opening, the statements and COMMIT together", async () => {
    const a = await tenant("A");
    const { pool } = pipelinedReadsOf(single)!;
    // The pool's one connection, whose socket every flight below writes to.
    const client = await pool.connect();
    const socket = (client as unknown as { connection: { stream: import("node:net").Socket } }).connection.stream;
    client.release();
    let writes = 0;
    const counted = <F extends (...args: never[]) => unknown>(write: F) =>
      ((...args: Parameters<F>) => { writes++; return write.apply(socket, args); }) as F;
    const original = { write: socket._write, writev: socket._writev };
    socket._write = counted(socket._write);
    if (socket._writev) socket._writev = counted(socket._writev);
    try {
      const [first, second] = await readInAccountScope(single, a.accountId)([settings, settings]);
      expect(first![0]).toMatchObject({ role: "flowpilot_app", account: a.accountId });
      expect(second).toEqual(first);
    } finally {
      Object.assign(socket, { _write: original.write, _writev: original.writev });
    }
    expect(writes).toBe(1);
  });
});
