/**
 * The baseline and savings endpoints as a pilot's script and a browser call
 * them over real HTTP: statuses, bodies, the OpenAPI document, and the
 * cross-site refusal for cookie-authenticated writes.
 */
import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { testDb } from "../../support/db";
import { buildWorld } from "../../support/world";
import { createApiKey } from "@/server/auth/api-key-store";
import type { AccountRole } from "@/server/auth/roles";
import { restServerForSuite } from "../../support/rest-server";
import { PAST, REFUSED_TIMINGS } from "../../support/savings";
import { authSecret } from "@/server/auth/secret";

const db = testDb();
const BASELINE = "/api/v1/analytics/flowpilot/baseline";
const SAVINGS = "/api/v1/analytics/flowpilot/savings";

const rest = restServerForSuite();

type Call = { method?: string; body?: unknown; raw?: string; token?: string; cookieUser?: string; headers?: Record<string, string> };

async function call(path: string, c: Call = {}) {
  const headers: Record<string, string> = { ...c.headers };
  if (c.token) headers.authorization = `Bearer ${c.token}`;
  if (c.cookieUser) headers.cookie = `next-auth.session-token=${await encode({ token: { sub: c.cookieUser }, secret: authSecret() })}`;
  if (c.body !== undefined || c.raw !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(rest.origin + path, {
    method: c.method ?? "GET", headers, body: c.raw ?? (c.body === undefined ? undefined : JSON.stringify(c.body)),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, text, body: body as Record<string, unknown> & { detail?: string } };
}

/** A new account's user of the role, with a key that may read analytics and write baseline timings. */
async function keyedWorld(role: AccountRole) {
  const world = await buildWorld(db, { role });
  const key = await createApiKey(db, { accountId: world.accountId, userId: world.userId }, "baseline", ["analytics:read", "baseline:write"]);
  return { ...world, token: key.token };
}

const count = (accountId: string) => db.baselineTiming.count({ where: { accountId } });
const post = (timings: unknown[], c: Call) => call(BASELINE, { ...c, method: "POST", body: { timings } });

describe("with an API key", () => {
  it("POST 201 {inserted}, GET lists newest first, DELETE 204 with no body, then 404", async () => {
    const actor = await keyedWorld("admin");
    const created = await post(
      [{ measured_at: "2026-11-19T08:00:00Z", seconds: 30 }, { measured_at: "2026-11-20T08:00:00+01:00", seconds: 42.125, note: "n" }],
      { token: actor.token },
    );
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ inserted: 2 });

    const list = await call(`${BASELINE}?limit=1`, { token: actor.token });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ n_total: 2, items: [{ seconds: 42.125, measured_at: "2026-11-20T07:00:00.000000Z", note: "n" }] });
    const next = await call(`${BASELINE}?limit=1&cursor=${list.body.next_cursor as string}`, { token: actor.token });
    expect(next.body).toMatchObject({ next_cursor: null, items: [{ seconds: 30 }] });

    const id = (list.body.items as { id: string }[])[0]!.id;
    const deleted = await call(`${BASELINE}/${id}`, { method: "DELETE", token: actor.token });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect((await call(`${BASELINE}/${id}`, { method: "DELETE", token: actor.token })).status).toBe(404);
    expect(await count(actor.account.id)).toBe(1);
  });

  it("DELETE of another account's timing is 404 and leaves it", async () => {
    const mine = await keyedWorld("owner");
    const theirs = await keyedWorld("owner");
    await post([{ measured_at: PAST, seconds: 3 }], { token: theirs.token });
    const [row] = await db.baselineTiming.findMany({ where: { accountId: theirs.account.id } });
    const res = await call(`${BASELINE}/${row!.id}`, { method: "DELETE", token: mine.token });
    expect(res.status).toBe(404);
    expect(res.body.detail).toMatch(/No baseline timing/);
    expect(await count(theirs.account.id)).toBe(1);
  });

  it("roles: viewer 403 everywhere, engineer may add but not delete; 401 without a key", async () => {
    const viewer = await keyedWorld("viewer");
    const engineer = await keyedWorld("engineer");
    expect((await call(BASELINE, { token: viewer.token })).status).toBe(403);
    expect((await call(SAVINGS, { token: viewer.token })).body.detail).toMatch(/engineer or admin/);
    expect((await post([{ measured_at: PAST, seconds: 3 }], { token: viewer.token })).status).toBe(403);
    expect((await post([{ measured_at: PAST, seconds: 3 }], { token: engineer.token })).status).toBe(201);
    const del = await call(`${BASELINE}/${crypto.randomUUID()}`, { method: "DELETE", token: engineer.token });
    expect(del.status).toBe(403);
    expect(del.body.detail).toMatch(/admin/);
    expect(await count(viewer.account.id)).toBe(0);
    for (const path of [BASELINE, SAVINGS, `${SAVINGS}?period=1d`]) expect((await call(path)).status).toBe(401);
    expect((await post([{ measured_at: PAST, seconds: 3 }], {})).status).toBe(401);
  });

  for (const [what, timing, reason] of REFUSED_TIMINGS) {
    it(`POST refuses ${what} with 422 and writes nothing`, async () => {
      const actor = await keyedWorld("engineer");
      const res = await post([{ measured_at: PAST, seconds: 1 }, timing], { token: actor.token });
      expect(res.status).toBe(422);
      expect(res.body.detail).toMatch(reason);
      expect(res.body.detail).toMatch(/timings\.1\./);
      expect(await count(actor.account.id)).toBe(0);
    });
  }

  it("never answers 500 to malformed bodies and parameters", async () => {
    const actor = await keyedWorld("owner");
    const bodies: Call[] = [
      { raw: "{not json" }, { raw: "[]" }, { raw: "null" }, { body: { timings: "x" } }, { body: { timings: [null] } },
      { body: { timings: [] } }, { body: {} }, { body: { timings: [{ measured_at: 5, seconds: 1e308 }] } },
      { body: { timings: [{ measured_at: PAST, seconds: 30, note: 7 }] } },
      { body: { timings: [{ measured_at: "2026-01-01T00:00:00+25:00", seconds: 30 }] } },
    ];
    for (const b of bodies) {
      const res = await call(BASELINE, { ...b, method: "POST", token: actor.token });
      expect(res.status, JSON.stringify(b)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(b)).toBeLessThan(500);
      expect(res.body.detail, JSON.stringify(b)).toEqual(expect.any(String));
    }
    for (const path of [
      `${BASELINE}?limit=0`, `${BASELINE}?limit=abc`, `${BASELINE}?limit=1&limit=2`, `${BASELINE}?cursor=%00`,
      `${BASELINE}?cursor=${Buffer.from('{"m":"x","i":"y"}').toString("base64url")}`, `${SAVINGS}?period=`, `${SAVINGS}?period=1d`,
    ]) {
      expect((await call(path, { token: actor.token })).status, path).toBe(422);
    }
    for (const id of ["not-a-uuid", "%00", "1"]) {
      expect((await call(`${BASELINE}/${id}`, { method: "DELETE", token: actor.token })).status, id).toBe(422);
    }
    expect(await count(actor.account.id)).toBe(0);
  });

  it("GET savings has the contract's fields", async () => {
    const actor = await keyedWorld("engineer");
    const res = await call(`${SAVINGS}?period=7d`, { token: actor.token });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        "window_start", "window_end", "baseline", "in_product", "median_difference_seconds", "ci95", "verdict",
        "escalations_per_30_days", "minutes_recovered_per_escalation", "minutes_recovered_per_30_days", "method", "metric_definition",
      ].sort(),
    );
    expect(Date.parse(res.body.window_end as string) - Date.parse(res.body.window_start as string)).toBe(7 * 86_400_000);
    expect(res.body.metric_definition).toMatch(/manual baseline/);
  });
});

describe("API-key scopes", () => {
  it("POST and DELETE need baseline:write; a read-only key gets 403 and writes nothing", async () => {
    const world = await buildWorld(db, { role: "admin", apiKey: true });
    const res = await post([{ measured_at: PAST, seconds: 3 }], { token: world.token });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/baseline:write/);
    expect((await call(`${BASELINE}/${crypto.randomUUID()}`, { method: "DELETE", token: world.token })).status).toBe(403);
    expect((await call(BASELINE, { token: world.token })).status).toBe(200);
    expect(await count(world.accountId)).toBe(0);
  });
});

describe("with the session cookie", () => {
  it("refuses cross-site POST and DELETE and writes nothing; same-site ones work", async () => {
    const actor = await keyedWorld("admin");
    const evil: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "null" }];
    for (const headers of evil) {
      const res = await post([{ measured_at: PAST, seconds: 3 }], { cookieUser: actor.user.id, headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body.detail).toMatch(/Cross-site/);
    }
    expect(await count(actor.account.id)).toBe(0);

    const same = { origin: rest.origin, "sec-fetch-site": "same-origin" };
    expect((await post([{ measured_at: PAST, seconds: 3 }], { cookieUser: actor.user.id, headers: same })).status).toBe(201);
    const [row] = await db.baselineTiming.findMany({ where: { accountId: actor.account.id } });
    for (const headers of evil) {
      expect((await call(`${BASELINE}/${row!.id}`, { method: "DELETE", cookieUser: actor.user.id, headers })).status).toBe(403);
    }
    expect(await count(actor.account.id)).toBe(1);
    expect((await call(`${BASELINE}/${row!.id}`, { method: "DELETE", cookieUser: actor.user.id, headers: same })).status).toBe(204);
    // Reading stays open to cross-site GETs (they change nothing and the response is not readable cross-origin).
    expect((await call(BASELINE, { cookieUser: actor.user.id, headers: evil[0] })).status).toBe(200);
  });
});

describe("OpenAPI document", () => {
  it("describes the four operations with their statuses, schemas and examples", async () => {
    const doc = (await call("/api/openapi.json")).body as { paths: Record<string, Record<string, { responses: Record<string, { content?: { "application/json": { schema: { example?: unknown } } } }>; requestBody?: { content: { "application/json": { schema: unknown } } } }>> };
    const baseline = doc.paths["/analytics/flowpilot/baseline"]!;
    expect(Object.keys(baseline.post!.responses)).toContain("201");
    expect(baseline.post!.responses["201"]!.content!["application/json"].schema.example).toEqual({ inserted: 2 });
    const body = baseline.post!.requestBody!.content["application/json"].schema as { properties: { timings: { example: unknown[] } } };
    expect(body.properties.timings.example).toHaveLength(2);
    expect(baseline.get!.responses["200"]!.content!["application/json"].schema.example).toMatchObject({ n_total: 42 });
    const del = doc.paths["/analytics/flowpilot/baseline/{id}"]!.delete!;
    expect(Object.keys(del.responses)).toEqual(expect.arrayContaining(["204", "404"]));
    expect(del.responses["204"]!.content).toBeUndefined();
    expect(doc.paths["/analytics/flowpilot/savings"]!.get!.responses["200"]!.content!["application/json"].schema.example).toMatchObject({ verdict: "faster" });
  });

  it("says that writing with an API key needs the baseline:write scope", async () => {
    const doc = (await call("/api/openapi.json")).body as {
      paths: Record<string, Record<string, { description: string; responses: Record<string, { description: string }> }>>;
    };
    const writes = [doc.paths["/analytics/flowpilot/baseline"]!.post!, doc.paths["/analytics/flowpilot/baseline/{id}"]!.delete!];
    for (const op of writes) {
      expect(op.description).toContain("baseline:write");
      expect(op.responses["403"]!.description).toContain("baseline:write");
    }
    // Each operation keeps its own words for a shared status: deleting needs an admin.
    expect(writes[1]!.responses["403"]!.description).toContain("admin role");
    expect(doc.paths["/analytics/flowpilot/escalations"]!.get!.responses["403"]!.description).toBe(
      "Role too low: needs the engineer or admin role.",
    );
  });
});
