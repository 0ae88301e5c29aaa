// Ids written by other services are PostgreSQL uuids, not necessarily RFC 9562
// ones: the queue must still answer with them, over HTTP as the browser calls it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../support/db";
import { addSession, buildWorld, dbNow } from "../../support/world";
import { sessionCookie } from "../../support/session-cookie";
import { startRestServer, type RestServer } from "../../support/rest-server";

const db = testDb();
let server: RestServer;
beforeAll(async () => {
  server = await startRestServer();
});
afterAll(() => server.close());

// Valid for PostgreSQL's uuid type; z.uuid() refuses both (no RFC variant bits).
const OPEN_ID = "11111111-1111-1111-1111-111111111111";
const CLAIMED_ID = "22222222-2222-2222-2222-222222222222";
const SESSION_ID = "33333333-3333-3333-3333-333333333333";

describe("ids PostgreSQL accepts but RFC 9562 does not", () => {
  it("are served by queue.open, queue.recentClaims and queue.session", async () => {
    const { account, user } = await buildWorld(db, { role: "engineer" });
    const other = await addSession(db, { accountId: account.id, userId: user.id });
    const now = await dbNow(db);
    await db.aiSession.create({
      data: {
        id: SESSION_ID, accountId: account.id, userId: user.id, sessionType: "troubleshooting", intakeType: "ticket",
        intakeContent: {}, status: "open", confidenceTier: "medium", conversationMessages: [],
      },
    });
    await db.sessionHandoff.createMany({
      data: [
        { id: OPEN_ID, accountId: account.id, sessionId: other.id, handedOffBy: user.id, intent: "stuck", snapshot: {}, priority: "normal" },
        {
          id: CLAIMED_ID, accountId: account.id, sessionId: SESSION_ID, handedOffBy: user.id, intent: "stuck", snapshot: {},
          priority: "normal", claimedAt: now, claimedBy: user.id,
        },
      ],
    });
    const headers = { cookie: await sessionCookie(user.id) };

    const open = await server.request("/api/trpc/queue.open", { headers });
    expect(open.status).toBe(200);
    expect(JSON.stringify(open.body)).toContain(OPEN_ID);

    const recent = await server.request("/api/trpc/queue.recentClaims", { headers });
    expect(recent.status).toBe(200);
    expect(JSON.stringify(recent.body)).toContain(CLAIMED_ID);

    const input = encodeURIComponent(JSON.stringify({ sessionId: SESSION_ID }));
    const session = await server.request(`/api/trpc/queue.session?input=${input}`, { headers });
    expect(session.status).toBe(200);
    expect(JSON.stringify(session.body)).toContain(CLAIMED_ID);
  });
});
