/**
 * Every input of every procedure, fuzzed over real HTTP on both transports
 * (tRPC as the browser calls it, REST as a pilot's client does): no input
 * may produce a 500. Procedures are enumerated from the router, so ones
 * added later are fuzzed without touching this file.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { OpenApiMeta } from "trpc-to-openapi";
import { appRouter } from "@/server/api/root";
import { REST_BASE } from "@/server/api/rest/handler";
import { createApiKey } from "@/server/auth/api-key-store";
import { testDb } from "../../support/db";
import { addHandoff, addSession, buildWorld, dbNow } from "../../support/world";
import { sessionCookie } from "../../support/session-cookie";
import { startRestServer, type RestServer } from "../../support/rest-server";

type Procedure = { _def: { type: string; inputs: z.ZodType[]; meta?: OpenApiMeta } };
// tRPC keeps a flat map of every procedure by its dotted path.
const BY_PATH = appRouter._def.procedures as unknown as Record<string, Procedure>;
const PROCEDURES = Object.entries(BY_PATH);

const CONTROL_CHARS = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join("") + "\u007f\u0085";
const TEXTS = [
  "", " ", "\u0000", "note\u0000", "\u0000".repeat(1_000), "\ud800", "a\udfffb", "\udbff\udfff", CONTROL_CHARS,
  "\u2028\u2029\ufeff\u200b\u202e", "😀".repeat(50), "'; DROP TABLE session_handoffs; --", "%00", "\\u0000",
  "a".repeat(100_000), "é\u0000".repeat(50_000),
];
const NOT_TEXTS: unknown[] = [null, 0, -1, 1e308, true, [], ["a"], [[[["deep"]]]], {}, { a: "b" }, { text: "\u0000" }];
const VALUES: unknown[] = [...TEXTS, ...NOT_TEXTS];

const db = testDb();
let server: RestServer;
let cookie: string;
/** Real ids for fields that name one, so fuzzed text reaches the handlers' SQL. */
let ids: Record<string, string>;

beforeAll(async () => {
  server = await startRestServer();
  const { account, user } = await buildWorld(db, { role: "owner" });
  const owner = { accountId: account.id, userId: user.id };
  const session = await addSession(db, owner);
  await addHandoff(db, { accountId: account.id, sessionId: session.id, handedOffBy: user.id }, { claimedAt: await dbNow(db) });
  const open = await addHandoff(db, { accountId: account.id, sessionId: (await addSession(db, owner)).id, handedOffBy: user.id });
  const key = await createApiKey(db, owner, "fuzz");
  ids = { sessionId: session.id, handoffId: open.id, id: key.id };
  cookie = await sessionCookie(user.id);
});
afterAll(() => server.close());

/** The schema under optional/default/nullable wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType };
  return def.innerType && ["optional", "default", "nullable", "prefault", "readonly"].includes(def.type) ? unwrap(def.innerType) : schema;
}

/** A plausible valid value for a field, so only the fuzzed field is wrong. */
function plausible(name: string, schema: z.ZodType): unknown {
  const inner = unwrap(schema);
  const def = inner._zod.def as { type: string; format?: string; entries?: Record<string, unknown> };
  if (def.type === "enum") return Object.values(def.entries ?? {})[0];
  if (def.type === "number" || def.type === "int") return 1;
  if (def.type === "boolean") return true;
  if (def.format === "guid" || def.format === "uuid") return ids[name] ?? randomUUID();
  return "fuzz";
}

function fieldsOf(procedure: Procedure): Record<string, z.ZodType> {
  const input = procedure._def.inputs[0];
  return input instanceof z.ZodObject ? (input.shape as Record<string, z.ZodType>) : {};
}

/** Inputs for one procedure: each field set to each corpus value, and each value as the whole input. */
function inputsFor(procedure: Procedure): { label: string; input: unknown }[] {
  const fields = fieldsOf(procedure);
  const base = Object.fromEntries(Object.entries(fields).map(([name, schema]) => [name, plausible(name, schema)]));
  return [
    { label: "plausible", input: base },
    ...Object.keys(fields).flatMap((field) => VALUES.map((value, i) => ({ label: `${field}=#${i}`, input: { ...base, [field]: value } }))),
    ...VALUES.map((value, i) => ({ label: `input=#${i}`, input: value })),
  ];
}

type Outcome = { what: string; status: number; text: string };

async function send(what: string, path: string, init: RequestInit = {}): Promise<Outcome> {
  const res = await server.request(path, { ...init, headers: { cookie, ...(init.headers as Record<string, string>) } });
  return { what, status: res.status, text: res.text.slice(0, 300) };
}

const HUGE_BODY = JSON.stringify({ text: "x".repeat(8 * 1024 * 1024) });
const RAW_BODIES: { label: string; body: BodyInit; type?: string }[] = [
  { label: "malformed JSON", body: "{", type: "application/json" },
  { label: "text/plain", body: JSON.stringify({ text: "hi" }), type: "text/plain" },
  { label: "form", body: "text=hi&sessionId=x", type: "application/x-www-form-urlencoded" },
  { label: "multipart", body: (() => { const f = new FormData(); f.set("text", "hi"); return f; })() },
  { label: "invalid UTF-8", body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), type: "application/json" },
  { label: "NUL bytes", body: new Uint8Array([0x00, 0x00, 0x00]), type: "application/json" },
  { label: "huge", body: HUGE_BODY, type: "application/json" },
];

async function fuzzTrpc(path: string, procedure: Procedure): Promise<Outcome[]> {
  const url = `/api/trpc/${path}`;
  const outcomes: Outcome[] = [];
  const mutation = procedure._def.type === "mutation";
  for (const { label, input } of inputsFor(procedure)) {
    const json = JSON.stringify(input) ?? "null";
    outcomes.push(
      mutation
        ? await send(`tRPC ${path} ${label}`, url, { method: "POST", body: json, headers: { "content-type": "application/json" } })
        : await send(`tRPC ${path} ${label}`, `${url}?input=${encodeURIComponent(json)}`),
    );
  }
  for (const raw of ["%7B", "", "%00", "%FF", "%ED%A0%80"]) outcomes.push(await send(`tRPC ${path} ?input=${raw}`, `${url}?input=${raw}`));
  for (const { label, body, type } of RAW_BODIES) {
    outcomes.push(await send(`tRPC ${path} POST ${label}`, url, { method: "POST", body, headers: type ? { "content-type": type } : {} }));
  }
  return outcomes;
}

function queryString(input: unknown): string {
  // URLSearchParams turns unpaired surrogates into U+FFFD; raw bytes are sent separately.
  const params = new URLSearchParams();
  if (!input || typeof input !== "object" || Array.isArray(input)) {
    params.set("input", String(input));
    return params.toString();
  }
  for (const [k, v] of Object.entries(input)) {
    for (const item of Array.isArray(v) ? v : [v]) params.append(k, typeof item === "string" ? item : JSON.stringify(item) ?? "");
  }
  return params.toString();
}

async function fuzzRest(path: string, procedure: Procedure): Promise<Outcome[]> {
  const openapi = procedure._def.meta?.openapi;
  if (!openapi) return [];
  const url = REST_BASE + openapi.path;
  const outcomes: Outcome[] = [];
  const inQuery = openapi.method === "GET" || openapi.method === "DELETE";
  for (const { label, input } of inputsFor(procedure)) {
    const what = `REST ${openapi.method} ${openapi.path} ${label}`;
    outcomes.push(
      inQuery
        ? await send(what, `${url}?${queryString(input)}`, { method: openapi.method })
        : await send(what, url, { method: openapi.method, body: JSON.stringify(input) ?? "null", headers: { "content-type": "application/json" } }),
    );
  }
  for (const field of Object.keys(fieldsOf(procedure))) {
    for (const raw of ["%00", "%FF", "%ED%A0%80", "a%00b", "%"]) {
      outcomes.push(await send(`REST ${openapi.path} ${field}=${raw}`, `${url}?${field}=${raw}`, { method: openapi.method }));
    }
  }
  if (!inQuery) {
    for (const { label, body, type } of RAW_BODIES) {
      outcomes.push(await send(`REST ${openapi.path} ${label}`, url, { method: openapi.method, body, headers: type ? { "content-type": type } : {} }));
    }
  }
  return outcomes;
}

describe("fuzzed input", () => {
  it("finds the procedures to fuzz in the router", () => {
    expect(PROCEDURES.map(([path]) => path)).toEqual(expect.arrayContaining(["analytics.escalations", "queue.addNote", "apiKeys.create"]));
  });

  it.each(PROCEDURES)("never makes %s answer 500, on tRPC or REST", async (path, procedure) => {
    const outcomes = [...(await fuzzTrpc(path, procedure)), ...(await fuzzRest(path, procedure))];
    expect(outcomes.length).toBeGreaterThan(20);
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
  });
});

describe("text PostgreSQL cannot store", () => {
  const cases = [
    ["queue.addNote", "text", "a\u0000b"],
    ["queue.addNote", "text", "half a pair: \ud800"],
    ["apiKeys.create", "name", "key\u0000"],
    ["apiKeys.create", "name", "\udc00"],
  ] as const;

  it.each(cases)("%s refuses %s %j with 400 and a detail naming the field", async (path, field, value) => {
    const input = { ...Object.fromEntries(Object.keys(fieldsOf(BY_PATH[path]!)).map((f) => [f, ids[f]])), [field]: value };
    const res = await server.request(`/api/trpc/${path}`, {
      method: "POST",
      body: JSON.stringify(input),
      headers: { cookie, "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect((res.body as { error: { detail: string } }).error.detail).toBe(
      `Invalid input: ${field}: must not contain NUL characters (\\u0000) or unpaired surrogates.`,
    );
  });
});
