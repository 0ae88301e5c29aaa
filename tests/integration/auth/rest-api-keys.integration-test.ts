/**
 * The REST endpoint with bearer keys, over real HTTP, as a pilot's tool
 * calls it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../support/db";
import { addApiKey, buildWorld } from "../../support/world";
import { startRestServer, type RestServer } from "../../support/rest-server";
import { generateApiKey } from "@/server/auth/api-keys";
import { apiKeyRequestsPerMinute } from "@/server/auth/rate-limit";

const db = testDb();
const PATH = "/api/v1/analytics/flowpilot/escalations?period=30d";
let server: RestServer;

beforeAll(async () => {
  server = await startRestServer();
});
afterAll(async () => {
  await server.close();
});

async function keyFor(role: "owner" | "admin" | "engineer" | "viewer", opts: { revoked?: boolean } = {}) {
  const { user } = await buildWorld(db, { role });
  return { user, ...(await addApiKey(db, user, opts)) };
}

const detail = (body: unknown) => (body as { detail?: unknown }).detail;

describe("REST with an API key", () => {
  it("answers 200 for a valid key of an engineer", async () => {
    const { token } = await keyFor("engineer");
    const res = await server.get(PATH, token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ period: "30d", n_handoffs_claimed: 0 });
  });

  it.each([
    ["malformed", "not-a-key"],
    ["well-formed but unknown", generateApiKey().token],
  ])("answers 401 with a detail for a %s key", async (_what, token) => {
    const res = await server.get(PATH, token);
    expect(res.status).toBe(401);
    expect(detail(res.body)).toMatch(/Invalid API key/);
  });

  it("answers 401 for a revoked key", async () => {
    const { token } = await keyFor("admin", { revoked: true });
    const res = await server.get(PATH, token);
    expect(res.status).toBe(401);
    expect(detail(res.body)).toMatch(/Invalid API key/);
  });

  it("answers 401 once the key's user is removed", async () => {
    const { user, token } = await keyFor("engineer");
    expect((await server.get(PATH, token)).status).toBe(200);
    await db.user.delete({ where: { id: user.id } });
    expect((await server.get(PATH, token)).status).toBe(401);
  });

  it("answers 403 on the very next call after the user is downgraded to viewer", async () => {
    const { user, token } = await keyFor("engineer");
    expect((await server.get(PATH, token)).status).toBe(200);
    await db.user.update({ where: { id: user.id }, data: { accountRole: "viewer" } });
    const res = await server.get(PATH, token);
    expect(res.status).toBe(403);
    expect(detail(res.body)).toMatch(/engineer or admin/);
  });

  it("never returns the token or its hash", async () => {
    const { id, token } = await keyFor("owner");
    const res = await server.get(PATH, token);
    const { keyHash } = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(res.text).not.toContain(token);
    expect(res.text).not.toContain(keyHash);
  });

  it("answers 429 with Retry-After and a detail past the per-key limit, for that key only", async () => {
    const limit = apiKeyRequestsPerMinute();
    const { token } = await keyFor("engineer");
    const other = await keyFor("engineer");
    const statuses: number[] = [];
    // Sequential on purpose: the count, not concurrency, is under test.
    for (let i = 0; i < limit; i++) statuses.push((await server.get(PATH, token)).status);
    expect(statuses.every((s) => s === 200)).toBe(true);

    const over = await server.get(PATH, token);
    expect(over.status).toBe(429);
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(detail(over.body)).toMatch(new RegExp(`${limit} requests per minute`));

    expect((await server.get(PATH, other.token)).status).toBe(200);
  });
});
