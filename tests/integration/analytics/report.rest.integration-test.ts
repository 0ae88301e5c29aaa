/**
 * The report's REST endpoints as a pilot's client sees them: real HTTP, real
 * API keys. Authentication before role before input; every rule of the
 * shared parameters and of each endpoint's own parameters is a 422 whose
 * detail names the rule; the CSV is RFC 4180 with formulas neutralised.
 */
import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { testDb } from "../../support/db";
import { addMember, buildWorld, insertHandoffs, insertSessions, insertSteps } from "../../support/world";
import { restServerForSuite } from "../../support/rest-server";
import { WINDOW_RULES } from "@/server/api/routers/analytics/window.types";
import { HANDOFF_COLUMNS, HANDOFF_RULES } from "@/server/api/routers/analytics/handoffs.types";

const BASE = "/api/v1/analytics/flowpilot/escalations";
const ENDPOINTS = ["", "/series", "/distribution", "/breakdown?by=engineer", "/handoffs", "/handoffs.csv"];
const withQuery = (endpoint: string, query: string) => `${BASE}${endpoint}${endpoint.includes("?") ? "&" : "?"}${query}`;

const db = testDb();
const rest = restServerForSuite();

const future = new Date(Date.now() + 3_600_000).toISOString();
const SHARED_RULES: [query: string, detail: string][] = [
  ["from=2026-11-01T00:00:00Z", `to: ${WINDOW_RULES.bothOrNeither}`],
  ["to=2026-11-01T00:00:00Z", `from: ${WINDOW_RULES.bothOrNeither}`],
  ["period=7d&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z", `period: ${WINDOW_RULES.notWithPeriod}`],
  ["from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", `from: ${WINDOW_RULES.fromBeforeTo}`],
  ["from=2026-11-01T00:00:00Z&to=2026-11-01T00:00:00Z", `from: ${WINDOW_RULES.fromBeforeTo}`],
  ["from=2025-01-01T00:00:00Z&to=2026-01-02T00:00:00.000001Z", `to: ${WINDOW_RULES.maxLength}`],
  [`from=2026-11-01T00:00:00Z&to=${future}`, `to: ${WINDOW_RULES.notInFuture}`],
  ["from=2026-11-01T00:00:00&to=2026-11-02T00:00:00Z", `from: ${WINDOW_RULES.timestamp}`],
  ["from=yesterday&to=2026-11-02T00:00:00Z", `from: ${WINDOW_RULES.timestamp}`],
  ["from=2026-11-01T00:00:00Z&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z", `from: ${WINDOW_RULES.repeated}`],
  ["from=&to=2026-11-02T00:00:00Z", `from: ${WINDOW_RULES.empty}`],
  ["engineer=42", `engineer: ${WINDOW_RULES.uuid}`],
  ["engineer=", `engineer: ${WINDOW_RULES.empty}`],
  ["priority=", `priority: ${WINDOW_RULES.empty}`],
  ["priority=high&priority=low", `priority: ${WINDOW_RULES.repeated}`],
  ["tz=Mars/Olympus_Mons", `tz: ${WINDOW_RULES.timeZone}`],
  ["tz=europe/berlin", `tz: ${WINDOW_RULES.timeZone}`],
  ["tz=Europe/Berlin;DROP", `tz: ${WINDOW_RULES.timeZone}`],
  ["tz=", `tz: ${WINDOW_RULES.empty}`],
  ["tz=UTC&tz=UTC", `tz: ${WINDOW_RULES.repeated}`],
  ["period=1d", "period must be one of 7d, 30d, 90d"],
  ["period=7d&period=7d", "period must be one of 7d, 30d, 90d"],
];

const OWN_RULES: [endpoint: string, query: string, detail: string][] = [
  ["", "compare=next", "compare: must be one of previous"],
  ["", "compare=", `compare: ${WINDOW_RULES.empty}`],
  ["", "compare=previous&compare=previous", `compare: ${WINDOW_RULES.repeated}`],
  ["/series", "bucket=month", "bucket: must be one of day, week"],
  ["/series", "bucket=", `bucket: ${WINDOW_RULES.empty}`],
  ["/series", "bucket=day&bucket=week", `bucket: ${WINDOW_RULES.repeated}`],
  ["/breakdown", "", "by: must be one of engineer, priority"],
  ["/breakdown", "by=team", "by: must be one of engineer, priority"],
  ["/breakdown", "by=", `by: ${WINDOW_RULES.empty}`],
  ["/breakdown", "by=engineer&by=priority", `by: ${WINDOW_RULES.repeated}`],
  ["/handoffs", "limit=0", "limit: must be at least 1"],
  ["/handoffs", "limit=501", "limit: must be at most 500"],
  ["/handoffs", "limit=ten", "limit: must be a whole number"],
  ["/handoffs", "limit=1.5", "limit: must be a whole number"],
  ["/handoffs", "limit=", `limit: ${WINDOW_RULES.empty}`],
  ["/handoffs", "limit=5&limit=6", `limit: ${WINDOW_RULES.repeated}`],
  ["/handoffs", "cursor=not-a-cursor", `cursor: ${HANDOFF_RULES.cursor}`],
  ["/handoffs", `cursor=${Buffer.from("2026-01-01T00:00:00.000000Z|x").toString("base64url")}`, `cursor: ${HANDOFF_RULES.cursor}`],
  ["/handoffs", "cursor=", `cursor: ${WINDOW_RULES.empty}`],
  ["/handoffs", "action=maybe", "action: must be one of with, without"],
  ["/handoffs", "min_seconds=-1", "min_seconds: must be a non-negative number"],
  ["/handoffs", "max_seconds=", `max_seconds: ${WINDOW_RULES.empty}`],
  ["/handoffs", "min_seconds=60&max_seconds=60", `min_seconds: ${HANDOFF_RULES.minBelowMax}`],
  ["/handoffs.csv", "action=", `action: ${WINDOW_RULES.empty}`],
  ["/handoffs.csv", "min_seconds=abc", "min_seconds: must be a non-negative number"],
  ["/handoffs.csv", "min_seconds=300&max_seconds=60", `min_seconds: ${HANDOFF_RULES.minBelowMax}`],
];

async function expect422(path: string, token: string, detail: string) {
  const res = await rest.get(path, token);
  expect(res.status, path).toBe(422);
  expect(res.headers.get("content-type"), path).toMatch(/^application\/json/);
  const body = res.body as { code: string; detail: string };
  expect(body.code, path).toBe("UNPROCESSABLE_CONTENT");
  expect(body.detail, path).toContain(detail);
  expect(res.text, path).not.toMatch(/\bSELECT\b|session_handoffs|\.ts:\d+/);
}

describe("422: the shared parameters, on every endpoint", () => {
  it.each(SHARED_RULES)("?%s", async (query, detail) => {
    const actor = await buildWorld(db, { apiKey: true });
    for (const endpoint of ENDPOINTS) await expect422(withQuery(endpoint, query), actor.token, detail);
  });
});

describe("422: each endpoint's own parameters", () => {
  it.each(OWN_RULES)("%s?%s", async (endpoint, query, detail) => {
    const actor = await buildWorld(db, { apiKey: true });
    await expect422(`${BASE}${endpoint}?${query}`, actor.token, detail);
  });
});

describe("authentication, then role, then input", () => {
  it("answers 401 without a key and 403 for a viewer, whatever the query, on every endpoint", async () => {
    const viewer = await buildWorld(db, { role: "viewer", apiKey: true });
    for (const endpoint of ENDPOINTS) {
      for (const query of ["from=2026-11-01T00:00:00Z", "tz=Nowhere/Land", "period=7d"]) {
        const path = withQuery(endpoint, query);
        const anonymous = await rest.get(path);
        expect(anonymous.status, path).toBe(401);
        const forbidden = await rest.get(path, viewer.token);
        expect(forbidden.status, path).toBe(403);
        expect((forbidden.body as { detail: string }).detail).toMatch(/engineer or admin/);
      }
    }
  });
});

describe("200", () => {
  it("answers every endpoint for a valid window, with the window stated", async () => {
    const actor = await buildWorld(db, { role: "admin", apiKey: true });
    const from = "2026-11-01T00:00:00.000Z";
    const to = "2026-11-08T00:00:00.000Z";
    for (const endpoint of ENDPOINTS.filter((e) => !e.endsWith(".csv"))) {
      const res = await rest.get(withQuery(endpoint, `from=${from}&to=${to}&priority=high&tz=Europe/Berlin`), actor.token);
      expect(res.status, endpoint).toBe(200);
      expect(res.body, endpoint).toMatchObject({ window_start: from, window_end: to });
    }
    const escalations = await rest.get(withQuery("", `from=${from}&to=${to}&compare=previous`), actor.token);
    expect(escalations.body).toMatchObject({
      period: "custom", target_seconds: null, n_within_target: null,
      previous: { window_start: "2026-10-25T00:00:00.000Z", window_end: from, n_handoffs_claimed: 0 },
    });
  });

  it("lists the new endpoints in the OpenAPI document, with their parameters, and the CSV", async () => {
    const doc = (await rest.get("/api/openapi.json")).body as {
      paths: Record<string, { get?: { parameters?: { name: string }[]; responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    for (const endpoint of ["/series", "/distribution", "/breakdown", "/handoffs", "/handoffs.csv"]) {
      const op = doc.paths[`/analytics/flowpilot/escalations${endpoint}`]?.get;
      expect(op, endpoint).toBeDefined();
      expect(op!.parameters!.map((p) => p.name), endpoint).toEqual(expect.arrayContaining(["period", "from", "to", "engineer", "priority", "tz"]));
    }
    const csv = doc.paths["/analytics/flowpilot/escalations/handoffs.csv"]!.get!;
    expect(Object.keys(csv.responses["200"]!.content!)).toEqual(["text/csv"]);
    expect(csv.parameters!.map((p) => p.name)).not.toContain("cursor");
  });
});

describe("handoffs.csv", () => {
  async function accountWithNames() {
    const actor = await buildWorld(db, { apiKey: true });
    const accountId = actor.accountId;
    const sneaky = (await addMember(actor, "engineer", { name: "=HYPERLINK(\"http://evil\",\"x\")" })).user;
    const owner = actor;
    const priorities = ["=1+1", "+SUM(A1)", "-2", "@cmd", "plain, \"quoted\"\nline", "\ttab"];
    const sessions = await insertSessions(db, owner, priorities.length);
    const [row] = await db.$queryRaw<{ now_us: string }[]>`SELECT (extract(epoch FROM now()) * 1000000)::bigint::text AS now_us`;
    const nowUs = BigInt(row!.now_us);
    await insertHandoffs(db, priorities.map((priority, i) => ({
      accountId, sessionId: sessions[i]!, handedOffBy: owner.userId, priority,
      claimedAtUs: nowUs - BigInt(i + 1) * 3_600_000_000n, claimedBy: i === 0 ? sneaky.id : owner.userId,
    })));
    await insertSteps(db, [{ accountId, sessionId: sessions[0]!, createdAtUs: nowUs - 3_600_000_000n + 1_500_001n }]);
    return actor;
  }

  it("is RFC 4180 CSV with the item fields as header, an attachment named after the window", async () => {
    const actor = await accountWithNames();
    const res = await rest.get(`${BASE}/handoffs.csv?period=7d`, actor.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="escalations-7d.csv"');
    expect(res.text.startsWith(`${HANDOFF_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(res.text.endsWith("\r\n")).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(res.text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(6);
    const first = parsed.data[0]!;
    expect(first.seconds_to_first_action).toBe("1.500001");
    expect(first.claimed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(parsed.data[1]!.first_action_at).toBe(""); // null is an empty cell
    expect(parsed.data[1]!.seconds_to_first_action).toBe("");

    const custom = await rest.get(`${BASE}/handoffs.csv?from=2026-10-01T00:00:00Z&to=2026-10-31T12:30:00Z`, actor.token);
    expect(custom.headers.get("content-disposition")).toBe(
      'attachment; filename="escalations-20261001T000000Z-20261031T123000Z.csv"',
    );
  });

  it("neutralises cells that a spreadsheet would run as a formula", async () => {
    const actor = await accountWithNames();
    const res = await rest.get(`${BASE}/handoffs.csv`, actor.token);
    const parsed = Papa.parse<Record<string, string>>(res.text, { header: true, skipEmptyLines: true });
    expect(parsed.data.map((r) => r.priority)).toEqual(["'=1+1", "'+SUM(A1)", "'-2", "'@cmd", "plain, \"quoted\"\nline", "'\ttab"]);
    expect(parsed.data[0]!.claimed_by_name).toBe("'=HYPERLINK(\"http://evil\",\"x\")");
    for (const row of parsed.data) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
