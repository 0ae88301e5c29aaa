// Rows written by other services are not trusted to be consistent or small:
// the queue's reads stay bounded and never cross an account through a join.
import { describe, expect, it } from "vitest";
import { SESSION_STEPS_LIMIT, STEP_TEXT_MAX } from "@/server/api/routers/queue/session.schema";
import { testDb } from "../../support/db";
import { addHandoff, addSession, after, buildWorld, dbNow, secondsInMs, trpcAs } from "../../support/world";

const db = testDb();

describe("queue.session reads a bounded amount", () => {
  it("returns the latest steps, oldest first, says how many earlier ones it left out, and truncates long content", async () => {
    const { account, user, trpc } = await buildWorld(db, { role: "engineer" });
    const session = await addSession(db, { accountId: account.id, userId: user.id });
    const start = await dbNow(db);
    const total = SESSION_STEPS_LIMIT + 7;
    await db.aiSessionStep.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        accountId: account.id, sessionId: session.id, stepOrder: i + 1, stepType: "note",
        createdAt: after(start, secondsInMs(i)),
        content: { text: i === total - 1 ? "x".repeat(1_000_000) : `step ${i + 1}` },
      })),
    });

    const detail = await trpc.queue.session({ sessionId: session.id });
    expect(detail.steps).toHaveLength(SESSION_STEPS_LIMIT);
    expect(detail.earlierSteps).toBe(7);
    expect(detail.steps[0]!.text).toBe("step 8");
    expect(detail.steps.at(-1)!.text).toHaveLength(STEP_TEXT_MAX);
  });
});

describe("an inconsistent row from another writer", () => {
  /** Account A's handoff pointing at account B's session and users: a row no FK forbids. */
  async function crossAccountRows() {
    const a = await buildWorld(db, { role: "admin" });
    const b = await buildWorld(db, { role: "engineer", name: "Bea From Elsewhere" });
    const bSession = await addSession(db, { accountId: b.account.id, userId: b.user.id });
    await db.aiSessionStep.create({
      data: { accountId: b.account.id, sessionId: bSession.id, stepOrder: 1, stepType: "engineer_note", content: { text: "B's secret note", author_name: "Bea From Elsewhere" } },
    });
    const now = await dbNow(db);
    await addHandoff(db, { accountId: a.account.id, sessionId: bSession.id, handedOffBy: b.user.id });
    await addHandoff(db, { accountId: a.account.id, sessionId: bSession.id, handedOffBy: b.user.id }, { claimedAt: now, claimedBy: b.user.id });
    // And the mirror image: A's own session with B's handoff and B's step on it.
    const aSession = await addSession(db, { accountId: a.account.id, userId: a.user.id });
    await addHandoff(db, { accountId: b.account.id, sessionId: aSession.id, handedOffBy: b.user.id }, { claimedAt: now, claimedBy: b.user.id });
    await db.aiSessionStep.create({
      data: { accountId: b.account.id, sessionId: aSession.id, stepOrder: 1, stepType: "engineer_note", content: { text: "B's secret note", author_name: "Bea From Elsewhere" } },
    });
    return { a, b, aSession };
  }

  it("shows none of the other account's names or notes in the queue or a session", async () => {
    const { a, aSession } = await crossAccountRows();
    const responses = [
      await a.trpc.queue.open(),
      await a.trpc.queue.recentClaims(),
      await a.trpc.queue.session({ sessionId: aSession.id }),
    ];
    for (const response of responses) {
      expect(JSON.stringify(response)).not.toMatch(/Bea From Elsewhere|secret note/);
    }
    const [open, recent, session] = responses as [Awaited<ReturnType<typeof a.trpc.queue.open>>, Awaited<ReturnType<typeof a.trpc.queue.recentClaims>>, Awaited<ReturnType<typeof a.trpc.queue.session>>];
    expect(open.total).toBe(0);
    expect(recent.claims).toEqual([]);
    expect(session.steps).toEqual([]);
    expect(session.handoffs).toEqual([]);
  });

  it("does not name the other account's claimer when a claim conflicts", async () => {
    const { a } = await crossAccountRows();
    const [row] = await db.sessionHandoff.findMany({ where: { accountId: a.account.id, claimedAt: { not: null } } });
    const err = await trpcAs(db, a.user).queue.claim({ handoffId: row!.id }).catch((e: Error) => e);
    expect(String(err)).not.toMatch(/Bea From Elsewhere/);
  });
});
