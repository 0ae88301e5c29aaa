/**
 * The REST route as a pilot's client sees it: real HTTP, real API keys,
 * status codes and JSON bodies — including what happens when the database
 * goes away and comes back.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { createContext } from "@/server/api/context";
import { testDb } from "../../support/db";
import { addApiKey, buildWorld } from "../../support/world";
import { restServerForSuite, startRestServer, type RestServer } from "../../support/rest-server";
import { startDbRelay, type DbRelay } from "../../support/db-relay";

const PATH = "/api/v1/analytics/flowpilot/escalations";
const CONTRACT_FIELDS = [
  "period",
  "window_start",
  "window_end",
  "n_handoffs_claimed",
  "n_handoffs_with_action",
  "avg_seconds_to_first_action",
  "median_seconds_to_first_action",
  "p95_seconds_to_first_action",
  "metric_definition",
  // added by the report contract (escalations-report.md)
  "target_seconds",
  "n_within_target",
].sort();

/** Nothing a client receives may look like a stack trace, SQL or a driver message. */
function expectNoInternals(text: string) {
  expect(text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+|stack/i);
  expect(text).not.toMatch(/\bSELECT\b|\bFROM\b|session_handoffs|ECONNREFUSED|prisma/i);
}

const db = testDb();
const rest = restServerForSuite();

describe("200", () => {
  it("has exactly the contract's fields, as JSON numbers, strings and nulls", async () => {
    const actor = await buildWorld(db, { role: "owner", apiKey: true });
    const res = await rest.get(`${PATH}?period=90d`, actor.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = res.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(CONTRACT_FIELDS);
    expect(body.period).toBe("90d");
    expect(Date.parse(body.window_end as string) - Date.parse(body.window_start as string)).toBe(90 * 86_400_000);
    expect(res.text).toMatch(/"n_handoffs_claimed":0,/); // a number, not "0"
  });

  it("defaults to 30d and ignores parameters it does not know", async () => {
    const actor = await buildWorld(db, { role: "admin", apiKey: true });
    for (const query of ["", "?", "?foo=bar", "?cache=123&x"]) {
      const res = await rest.get(`${PATH}${query}`, actor.token);
      expect(res.status, query).toBe(200);
      expect((res.body as { period: string }).period).toBe("30d");
    }
  });
});

describe("401", () => {
  it("answers any request without a valid key, before looking at its input", async () => {
    const actor = await buildWorld(db, { apiKey: true });
    const revoked = await addApiKey(db, actor.user, { revoked: true });
    const unknownKey = `fp_${"A".repeat(43)}`;
    for (const token of [undefined, "not-a-key", unknownKey, revoked.token]) {
      for (const query of ["", "?period=7d", "?period=1d", "?period=7d&period=30d", "?period="]) {
        const res = await rest.get(`${PATH}${query}`, token);
        expect(res.status, `${token ?? "no key"} ${query}`).toBe(401);
        expect((res.body as { detail: string }).detail).toMatch(/API key|authenticated/i);
        expectNoInternals(res.text);
      }
    }
  });
});

describe("403", () => {
  it("tells a viewer which roles may read the metric, whatever the input", async () => {
    const viewer = await buildWorld(db, { role: "viewer", apiKey: true });
    for (const query of ["", "?period=1d"]) {
      const res = await rest.get(`${PATH}${query}`, viewer.token);
      expect(res.status).toBe(403);
      expect((res.body as { detail: string }).detail).toMatch(/engineer or admin/);
    }
  });

  it("follows a role change on the next request", async () => {
    const actor = await buildWorld(db, { role: "engineer", apiKey: true });
    expect((await rest.get(PATH, actor.token)).status).toBe(200);
    await db.user.update({ where: { id: actor.user.id }, data: { accountRole: "viewer" } });
    expect((await rest.get(PATH, actor.token)).status).toBe(403);
    await db.user.update({ where: { id: actor.user.id }, data: { accountRole: "admin" } });
    expect((await rest.get(PATH, actor.token)).status).toBe(200);
  });
});

describe("422", () => {
  const invalid = [
    "period=1d",
    "period=7D",
    "period=365d",
    "period=30",
    "period=",
    "period",
    "period=7d&period=30d",
    "period=7d&period=7d",
    "period=%207d",
    `period=${encodeURIComponent("7d' OR '1'='1")}`,
    `period=${encodeURIComponent("30d; DROP TABLE session_handoffs;--")}`,
    `period=${encodeURIComponent("7d\u0000")}`,
  ];
  it.each(invalid)("?%s", async (query) => {
    const actor = await buildWorld(db, { apiKey: true });
    const res = await rest.get(`${PATH}?${query}`, actor.token);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      detail: "Invalid input: period must be one of 7d, 30d, 90d.",
    });
    expect((res.body as { data?: { httpStatus?: number } }).data?.httpStatus).toBe(422);
    expect(res.text).not.toMatch(/DROP TABLE|OR '1'/);
    expectNoInternals(res.text);
  });
});

describe("other paths", () => {
  it("answers an unknown path with a JSON 404", async () => {
    const actor = await buildWorld(db, { apiKey: true });
    const res = await rest.get("/api/v1/analytics/flowpilot/nothing-here", actor.token);
    expect(res.status).toBe(404);
    expect(typeof (res.body as { detail?: unknown }).detail).toBe("string");
  });
});

describe("500", () => {
  it("answers an unexpected failure with a plain detail, and logs the cause on the server", async () => {
    const realDb = db;
    // The metric's query fails the way a bug would: an error quoting SQL. The
    // procedure queries inside its account scope's transaction, so that
    // transaction's client fails the same way.
    const failing = <T extends object>(client: T): T =>
      new Proxy(client, {
        get(target, prop, receiver) {
          if (prop === "$queryRaw") {
            return () => Promise.reject(new Error('column "nope" does not exist: SELECT nope FROM session_handoffs'));
          }
          if (prop === "$transaction") {
            return (fn: (tx: object) => Promise<unknown>, options?: object) =>
              (target as unknown as Db).$transaction((tx) => fn(failing(tx)), options);
          }
          return Reflect.get(target, prop, receiver);
        },
      });
    const broken = failing(realDb) as Db;
    const server = await startRestServer({
      createContext: async (req) => ({ ...(await createContext(req, realDb)), db: broken }),
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const actor = await buildWorld(db, { apiKey: true });
      const res = await server.get(PATH, actor.token);
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ detail: "Internal server error.", message: "Internal server error." });
      expectNoInternals(res.text);
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      await server.close();
    }
  });
});

describe("503", () => {
  const target = new URL(inject("databaseUrl"));
  let relay: DbRelay;
  let relayedDb: Db;
  beforeAll(async () => {
    relay = await startDbRelay(target);
    relayedDb = createDb(relay.url);
  });
  afterAll(async () => {
    await relayedDb.$disconnect();
    await relay.stop();
  });

  it("answers 503 while the database is unreachable, stays up, and recovers by itself", async () => {
    // Every database access of the request goes through the relay.
    const server = await startRestServer({ createContext: (req) => createContext(req, relayedDb) });
    try {
      const actor = await buildWorld(db, { apiKey: true });
      expect((await server.get(PATH, actor.token)).status).toBe(200);

      await relay.cut();
      for (let i = 0; i < 3; i++) {
        const res = await server.get(PATH, actor.token);
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
        expect((res.body as { detail: string }).detail).toMatch(/database is unavailable/i);
        expectNoInternals(res.text);
      }
      // The process and its HTTP server are still serving.
      expect((await server.get("/api/openapi.json")).status).toBe(200);

      await relay.restore();
      const res = await server.get(PATH, actor.token);
      expect(res.status).toBe(200);
      expect((res.body as { period: string }).period).toBe("30d");
    } finally {
      await server.close();
    }
  });

  it("answers 503 when the database goes away between the caller's lookup and the metric's query", async () => {
    // The caller resolves against the healthy database; only the metric's query uses the relay.
    const server = await startRestServer({
      createContext: async (req) => ({ ...(await createContext(req, db)), db: relayedDb }),
    });
    try {
      const actor = await buildWorld(db, { apiKey: true });
      expect((await server.get(PATH, actor.token)).status).toBe(200);
      await relay.cut();
      const down = await server.get(`${PATH}?period=7d`, actor.token);
      expect(down.status).toBe(503);
      expect((down.body as { detail: string }).detail).toMatch(/database is unavailable/i);
      expectNoInternals(down.text);
      await relay.restore();
      expect((await server.get(`${PATH}?period=7d`, actor.token)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

// A database behind a dropped network path accepts TCP and then answers
// nothing. The spec's bound, 10 s, is each request's test timeout.
describe("503 when the database stops answering", () => {
  let relay: DbRelay;
  let relayedDb: Db;
  let server: RestServer;
  let token: string;
  beforeAll(async () => {
    relay = await startDbRelay(new URL(inject("databaseUrl")));
    relayedDb = createDb(relay.url);
    server = await startRestServer({ createContext: (req) => createContext(req, relayedDb) });
    token = (await buildWorld(db, { apiKey: true })).token;
    // Leaves an open connection in the pool, which the first request below reuses.
    expect((await server.get(PATH, token)).status).toBe(200);
    relay.blackhole();
  });
  afterAll(async () => {
    await server.close();
    await relay.stop(); // first, so that no query is left waiting on a silent socket
    await relayedDb.$disconnect();
  });

  const expectUnavailable = async () => {
    const res = await server.get(PATH, token);
    expect(res.status).toBe(503);
    expect((res.body as { detail: string }).detail).toMatch(/database is unavailable/i);
    expectNoInternals(res.text);
  };

  it("answers 503 within 10 s on a connection that was already open", { timeout: 10_000 }, expectUnavailable);

  it("answers 503 within 10 s on a new connection", { timeout: 10_000 }, expectUnavailable);

  it("recovers by itself when forwarding resumes", async () => {
    await relay.restore();
    expect((await server.get(PATH, token)).status).toBe(200);
  });
});

describe("OpenAPI document", () => {
  type Schema = {
    type?: string | string[];
    enum?: string[];
    default?: string;
    description?: string;
    properties?: Record<string, Schema>;
    required?: string[];
    $ref?: string;
  };
  type Doc = {
    openapi: string;
    servers: { url: string }[];
    paths: Record<string, Record<string, {
      security: Record<string, string[]>[];
      parameters: { in: string; name: string; schema: Schema }[];
      responses: Record<string, { description: string; content: { "application/json": { schema: Schema } } }>;
    }>>;
    components: { securitySchemes: Record<string, { type: string; scheme: string }>; schemas: Record<string, Schema> };
  };

  it("describes the path, its enum and default, the 200 fields, the errors and the bearer scheme", async () => {
    const res = await rest.get("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = res.body as Doc;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0]!.url).toBe(`${rest.origin}/api/v1`);

    const op = doc.paths["/analytics/flowpilot/escalations"]!.get!;
    expect(op.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });

    const period = op.parameters.find((p) => p.name === "period")!;
    expect(period.in).toBe("query");
    expect(period.schema).toMatchObject({ type: "string", enum: ["7d", "30d", "90d"], default: "30d" });

    const ok = op.responses["200"]!.content["application/json"].schema;
    // `previous` is only present with compare=previous, so it is a property but not required.
    expect(Object.keys(ok.properties!).sort()).toEqual([...CONTRACT_FIELDS, "previous"].sort());
    expect(ok.required!.sort()).toEqual(CONTRACT_FIELDS);
    for (const [name, field] of Object.entries(ok.properties!)) {
      expect(field.description, name).toMatch(/\w{4,}/);
    }
    expect(ok.properties!.avg_seconds_to_first_action!.type).toEqual(["number", "null"]);

    for (const status of ["401", "403", "422"]) {
      const response = op.responses[status]!;
      expect(response.description.length, status).toBeGreaterThan(10);
      const ref = response.content["application/json"].schema.$ref!;
      const schema = doc.components.schemas[ref.replace("#/components/schemas/", "")]!;
      expect(schema.required, status).toContain("detail");
      expect(schema.properties!.detail!.type).toBe("string");
    }
    expect(op.responses["403"]!.description).toMatch(/engineer or admin/);
  });
});
