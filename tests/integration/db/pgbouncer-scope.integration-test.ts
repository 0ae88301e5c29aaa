/**
 * Behind PgBouncer in transaction pooling mode, one server connection serves
 * every client's transactions in turn. The request's role and account are
 * transaction-local (db/scope.ts), so the pooler cannot carry one tenant's
 * settings into another's request: shown here over a pool of ONE server
 * connection, with two tenants' requests interleaved, over tRPC's HTTP
 * transport as the browser calls it and with createCaller.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { createContext } from "@/server/api/context";
import { createDb, type Db } from "@/server/db/client";
import { callForgetful, forgetfulRouter, TENANT_TABLES, tenantInEveryTable } from "../../support/forgetful-router";
import { startPgBouncer, type PgBouncer } from "../../support/pgbouncer";
import type { WorldWithKey } from "../../support/world";
import { testDb } from "../../support/db";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createServerAdapter } from "@whatwg-node/server";

const direct = testDb();
let pooler: PgBouncer;
let viaPooler: Db;
let http: Server;
let origin: string;
let a: WorldWithKey;
let b: WorldWithKey;

const tenant = (name: string) => tenantInEveryTable(direct, name);

type Seen = { pid: number; role: string; account: string | null; seen: Record<string, string[]> };

/**
 * The forgetful procedure over HTTP, as the browser's tRPC client sends it,
 * with an API key or without credentials; in an interactive transaction or,
 * as the metric reads, in one flight.
 */
async function overHttp(token: string | null, inOneFlight = false): Promise<Seen> {
  const path = !token ? "everythingAnonymously" : inOneFlight ? "everythingInOneFlight" : "everything";
  const res = await fetch(`${origin}/api/trpc/${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = (await res.json()) as { result?: { data: Seen }; error?: unknown };
  if (!body.result) throw new Error(`tRPC answered ${res.status}: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

beforeAll(async () => {
  [a, b] = [await tenant("A"), await tenant("B")];
  pooler = await startPgBouncer(inject("databaseUrl"), { poolSize: 1 });
  viaPooler = createDb(pooler.url);
  const adapter = createServerAdapter(
    (req: Request) => fetchRequestHandler({ endpoint: "/api/trpc", req, router: forgetfulRouter, createContext: () => createContext(req, viaPooler) }),
    { fetchAPI: { Request, Response, Headers, URL, ReadableStream, fetch } },
  );
  http = createServer(adapter);
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (http.closeAllConnections(), http.close(() => resolve())));
  await viaPooler?.$disconnect();
  await pooler?.stop();
});

const onlyAccount = (s: Seen, accountId: string) =>
  Object.fromEntries(Object.keys(s.seen).map((t) => [t, s.seen[t]!.every((x) => x === accountId) && s.seen[t]!.length === 1]));
const everyTable = Object.fromEntries([...Object.keys(TENANT_TABLES), "handoff_first_actions"].map((t) => [t, true]));

describe("behind PgBouncer (transaction pooling, one server connection)", () => {
  it("keeps two tenants' interleaved requests to their own rows, and a request without an account sees none", async () => {
    const calls: { who: "A" | "B" | "nobody"; result: Promise<Seen> }[] = [];
    for (let i = 0; i < 20; i++) {
      calls.push({ who: "A", result: overHttp(a.token) });
      calls.push({ who: "B", result: overHttp(b.token) });
      if (i % 4 === 3) calls.push({ who: "nobody", result: overHttp(null) });
    }
    const results = await Promise.all(calls.map(async (c) => ({ who: c.who, ...(await c.result) })));

    // One server process answered them all, so the transactions took turns on it.
    expect(new Set(results.map((r) => r.pid)).size).toBe(1);
    for (const r of results) {
      expect(r.role).toBe("flowpilot_app");
      if (r.who === "nobody") {
        expect({ who: r.who, account: r.account, seen: r.seen }).toEqual({
          who: "nobody", account: "", seen: Object.fromEntries(Object.keys(r.seen).map((t) => [t, []])),
        });
      } else {
        const accountId = r.who === "A" ? a.accountId : b.accountId;
        expect({ who: r.who, account: r.account, only: onlyAccount(r, accountId) }).toEqual({ who: r.who, account: accountId, only: everyTable });
      }
    }
  });

  it("keeps two tenants' interleaved one-flight reads, and their transactions, to their own rows", async () => {
    const calls: { who: "A" | "B"; result: Promise<Seen> }[] = [];
    for (let i = 0; i < 20; i++) {
      // Pipelined reads and interactive transactions of both tenants, taking turns on one server connection.
      calls.push({ who: "A", result: overHttp(a.token, true) });
      calls.push({ who: "B", result: overHttp(b.token, i % 2 === 0) });
      calls.push({ who: "A", result: overHttp(a.token, i % 2 === 1) });
    }
    const results = await Promise.all(calls.map(async (c) => ({ who: c.who, ...(await c.result) })));
    expect(new Set(results.map((r) => r.pid)).size).toBe(1);
    for (const r of results) {
      const accountId = r.who === "A" ? a.accountId : b.accountId;
      expect({ who: r.who, role: r.role, account: r.account, only: onlyAccount(r, accountId) })
        .toEqual({ who: r.who, role: "flowpilot_app", account: accountId, only: everyTable });
    }
  });

  it("leaves nothing behind on the server connection after a tenant's request", async () => {
    const caller = callForgetful(await createContext(new Request("http://app.test/", { headers: { authorization: `Bearer ${a.token}` } }), viaPooler));
    expect((await caller.everything()).account).toBe(a.accountId);
    // The same single server connection, outside any request: the owner, no account.
    const [after] = await viaPooler.$queryRaw<{ role: string; account: string | null; pid: number }[]>`
      SELECT current_user::text AS role, current_setting('app.account_id', true) AS account, pg_backend_pid() AS pid`;
    expect(after!.role).not.toBe("flowpilot_app");
    expect(after!.account ?? "").toBe("");
    const anonymous = callForgetful(await createContext(new Request("http://app.test/"), viaPooler));
    const nothing = await anonymous.everythingAnonymously();
    expect(nothing.pid).toBe(after!.pid);
    expect(Object.values(nothing.seen).flat()).toEqual([]);
  });
});
