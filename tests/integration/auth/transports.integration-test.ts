// Both HTTP transports (/api/trpc and /api/v1) over real HTTP: which
// credentials they accept, cross-site refusal, API-key scopes, batch size.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { encode } from "next-auth/jwt";
import { authedProcedure, createTRPCRouter } from "@/server/api/trpc";
import { createApiKey } from "@/server/auth/api-key-store";
import { authSecret } from "@/server/auth/secret";
import type { ApiKeyScope } from "@/server/auth/scopes";
import { MAX_BATCH_SIZE } from "@/server/api/http/batch";
import { testDb } from "../../support/db";
import { addHandoff, addSession, buildWorld } from "../../support/world";
import { startRestServer, type RestServer } from "../../support/rest-server";

const db = testDb();
let server: RestServer;

// A state-changing REST procedure of the kind the savings API adds (POST),
// so the cross-site rule is shown on /api/v1 before any such route ships.
const probeRouter = createTRPCRouter({
  probe: authedProcedure
    .meta({ openapi: { method: "POST", path: "/test/probe", protect: true } })
    .input(z.object({}))
    .output(z.object({ userId: z.string() }))
    .mutation(({ ctx }) => ({ userId: ctx.caller.userId })),
});
let probeServer: RestServer;

beforeAll(async () => {
  server = await startRestServer();
  probeServer = await startRestServer({ router: probeRouter });
});
afterAll(async () => {
  await server.close();
  await probeServer.close();
});

async function person(role: "engineer" | "viewer" | "admin" = "engineer") {
  const { account, user } = await buildWorld(db, { role });
  const cookie = `next-auth.session-token=${await encode({ token: { sub: user.id }, secret: authSecret() })}`;
  const keyWith = async (scopes?: ApiKeyScope[]) =>
    (await createApiKey(db, { accountId: account.id, userId: user.id }, "test key", scopes)).token;
  return { account, user, cookie, keyWith };
}

async function openHandoff(accountId: string, userId: string) {
  const session = await addSession(db, { accountId, userId });
  return addHandoff(db, { accountId, sessionId: session.id, handedOffBy: userId });
}

const json = (headers: Record<string, string>) => ({ "content-type": "application/json", ...headers });
const crossSite = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };

function claimOverTrpc(handoffId: string, headers: Record<string, string>) {
  return server.request("/api/trpc/queue.claim", {
    method: "POST", headers: json(headers), body: JSON.stringify({ handoffId }),
  });
}

describe("Authorization headers that are not ours", () => {
  it("ignores a Basic header, so a signed-in browser behind a proxy keeps working on tRPC", async () => {
    const { cookie } = await person();
    const res = await server.request("/api/trpc/queue.open", {
      headers: { cookie, authorization: "Basic c3RhZ2luZzpzZWNyZXQ=" },
    });
    expect(res.status).toBe(200);
  });

  it("still refuses a malformed Bearer key, without falling back to the cookie", async () => {
    const { cookie } = await person();
    const res = await server.request("/api/trpc/queue.open", { headers: { cookie, authorization: "Bearer nope" } });
    expect(res.status).toBe(401);
  });
});

describe("cross-site refusal on both transports", () => {
  it("refuses a cookie-authenticated tRPC mutation from another site with 403 and a detail", async () => {
    const { account, user, cookie } = await person();
    const handoff = await openHandoff(account.id, user.id);
    const res = await claimOverTrpc(handoff.id, { cookie, ...crossSite });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { detail: expect.stringMatching(/Cross-site request refused/) } });
    expect(await db.sessionHandoff.findUniqueOrThrow({ where: { id: handoff.id } })).toMatchObject({ claimedAt: null });
  });

  it("refuses a cookie-authenticated REST POST from another site, with the REST error body", async () => {
    const { cookie } = await person();
    const res = await probeServer.request("/api/v1/test/probe", { method: "POST", headers: json({ cookie, ...crossSite }), body: "{}" });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "FORBIDDEN", detail: expect.stringMatching(/Cross-site request refused/) });
  });

  it("accepts the same REST POST from this site", async () => {
    const { user, cookie } = await person();
    const res = await probeServer.request("/api/v1/test/probe", {
      method: "POST", headers: json({ cookie, origin: probeServer.origin, "sec-fetch-site": "same-origin" }), body: "{}",
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ userId: user.id });
  });

  it("does not apply to a Bearer key, which no other site can send on a victim's behalf", async () => {
    const { user, keyWith } = await person();
    const token = await keyWith();
    const res = await probeServer.request("/api/v1/test/probe", {
      method: "POST", headers: json({ authorization: `Bearer ${token}`, ...crossSite }), body: "{}",
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ userId: user.id });
  });
});

describe("API key scopes", () => {
  it("gives a key read-only analytics by default: it cannot claim over tRPC (403 naming queue:write)", async () => {
    const { account, user, keyWith } = await person();
    const handoff = await openHandoff(account.id, user.id);
    const res = await claimOverTrpc(handoff.id, { authorization: `Bearer ${await keyWith()}` });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { detail: expect.stringMatching(/queue:write/) } });
    expect(await db.sessionHandoff.findUniqueOrThrow({ where: { id: handoff.id } })).toMatchObject({ claimedAt: null });
  });

  it("refuses addNote to a read-only key as well", async () => {
    const { account, user, keyWith } = await person("admin");
    const session = await addSession(db, { accountId: account.id, userId: user.id });
    const res = await server.request("/api/trpc/queue.addNote", {
      method: "POST",
      headers: json({ authorization: `Bearer ${await keyWith()}` }),
      body: JSON.stringify({ sessionId: session.id, text: "from a script" }),
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { detail: expect.stringMatching(/queue:write/) } });
    expect(await db.aiSessionStep.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("lets a key made with queue:write claim", async () => {
    const { account, user, keyWith } = await person();
    const handoff = await openHandoff(account.id, user.id);
    const res = await claimOverTrpc(handoff.id, { authorization: `Bearer ${await keyWith(["analytics:read", "queue:write"])}` });
    expect(res.status).toBe(200);
    expect(await db.sessionHandoff.findUniqueOrThrow({ where: { id: handoff.id } })).toMatchObject({ claimedBy: user.id });
  });

  it("refuses the metric over REST to a key without analytics:read, naming the scope", async () => {
    const { keyWith } = await person();
    const res = await server.get("/api/v1/analytics/flowpilot/escalations?period=7d", await keyWith(["queue:write"]));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ detail: expect.stringMatching(/analytics:read/) });
  });

  it("checks the role before the scope: a viewer's key with every scope still cannot claim", async () => {
    const { account, user, keyWith } = await person("viewer");
    const handoff = await openHandoff(account.id, user.id);
    const res = await claimOverTrpc(handoff.id, { authorization: `Bearer ${await keyWith(["analytics:read", "queue:write"])}` });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { detail: expect.stringMatching(/your role is viewer/) } });
  });

  it("never lets a key manage keys, whatever its scopes", async () => {
    const { keyWith } = await person("admin");
    const res = await server.request("/api/trpc/apiKeys.list", {
      headers: { authorization: `Bearer ${await keyWith(["analytics:read", "queue:write", "baseline:write"])}` },
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { detail: expect.stringMatching(/signed-in session/) } });
  });
});

describe("tRPC batches", () => {
  const batch = (n: number) =>
    `/api/trpc/${Array.from({ length: n }, () => "queue.open").join(",")}?batch=1&input=${encodeURIComponent("{}")}`;

  it(`answers a batch of ${MAX_BATCH_SIZE} calls`, async () => {
    const { cookie } = await person();
    const res = await server.request(batch(MAX_BATCH_SIZE), { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(MAX_BATCH_SIZE);
  });

  it("refuses a larger batch with 400 before running any call, so one request cannot hold the whole pool", async () => {
    const { cookie } = await person();
    const res = await server.request(batch(MAX_BATCH_SIZE + 1), { headers: { cookie } });
    expect(res.status).toBe(400);
    expect(MAX_BATCH_SIZE).toBeLessThan(10); // the pool size in db/client.ts
  });
});
