// The queue router against a real PostgreSQL: scoping, roles, the claim race
// and the note that becomes a claim's first action.
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { testDb } from "../../support/db";
import { addHandoff, addMember, addSession, addStep, ago, buildWorld, dbNow, secondsInMs, trpcAs } from "../../support/world";

const db = testDb();

async function rejection(p: Promise<unknown>): Promise<TRPCError> {
  const err = await p.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCError);
  return err as TRPCError;
}

async function openHandoff(accountId: string, userId: string, opts: { createdAt?: Date; priority?: string; intent?: string } = {}) {
  const session = await addSession(db, { accountId, userId });
  const handoff = await addHandoff(db, { accountId, sessionId: session.id, handedOffBy: userId }, opts);
  return { session, handoff };
}

describe("queue.open", () => {
  it("lists the account's unclaimed handoffs newest first, with who handed off and the age", async () => {
    const { account, user, trpc } = await buildWorld(db, { role: "engineer" });
    const now = await dbNow(db);
    const older = await openHandoff(account.id, user.id, { createdAt: ago(now, secondsInMs(3_600)), priority: "high", intent: "VPN drops" });
    const newer = await openHandoff(account.id, user.id, { createdAt: ago(now, secondsInMs(120)), priority: "urgent", intent: "disk full" });
    const claimed = await openHandoff(account.id, user.id);
    await db.sessionHandoff.update({ where: { id: claimed.handoff.id }, data: { claimedAt: now, claimedBy: user.id } });

    const res = await trpc.queue.open();
    expect(res.total).toBe(2);
    expect(res.handoffs.map((h) => h.id)).toEqual([newer.handoff.id, older.handoff.id]);
    const first = res.handoffs[0]!;
    expect(first).toMatchObject({
      sessionId: newer.session.id, priority: "urgent", intent: "disk full", handedOffByName: user.name,
    });
    expect(first.ageSeconds).toBeGreaterThanOrEqual(120);
    expect(res.handoffs[1]!.ageSeconds).toBeGreaterThanOrEqual(3_600);
  });

  it("never shows another account's handoffs", async () => {
    const mine = await buildWorld(db, { role: "engineer" });
    const theirs = await buildWorld(db, { role: "engineer" });
    await openHandoff(theirs.account.id, theirs.user.id);
    expect(await mine.trpc.queue.open()).toEqual({ handoffs: [], total: 0 });
  });

  it("is readable by viewers", async () => {
    const { account, user, trpc } = await buildWorld(db, { role: "viewer" });
    await openHandoff(account.id, user.id);
    expect((await trpc.queue.open()).total).toBe(1);
  });

  it("needs a signed-in caller", async () => {
    const anonymous = trpcAs(db, null);
    expect((await rejection(anonymous.queue.open())).code).toBe("UNAUTHORIZED");
  });
});

describe("queue.claim", () => {
  it("claims an open handoff for the caller, stamped with the database clock", async () => {
    const { account, user, trpc } = await buildWorld(db, { role: "engineer" });
    const { handoff, session } = await openHandoff(account.id, user.id);
    const before = await dbNow(db);

    const res = await trpc.queue.claim({ handoffId: handoff.id });
    expect(res.id).toBe(handoff.id);
    expect(res.sessionId).toBe(session.id);
    const row = await db.sessionHandoff.findUniqueOrThrow({ where: { id: handoff.id } });
    expect(row.claimedBy).toBe(user.id);
    expect(row.claimedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect((await trpc.queue.open()).total).toBe(0);
  });

  it("lets exactly one of two concurrent claims win; the other is told who has it", async () => {
    const world = await buildWorld(db, { role: "engineer" });
    const { account, user } = world;
    const alice = await addMember(world, "engineer", { name: "Alice Arnold" });
    const bob = await addMember(world, "admin", { name: "Bob Baker" });
    const names = { [alice.user.id]: "Alice Arnold", [bob.user.id]: "Bob Baker" };

    // Several rounds, so the race is actually exercised both ways round.
    for (let round = 0; round < 5; round++) {
      const { handoff } = await openHandoff(account.id, user.id);
      const results = await Promise.allSettled([
        alice.trpc.queue.claim({ handoffId: handoff.id }),
        bob.trpc.queue.claim({ handoffId: handoff.id }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);

      const row = await db.sessionHandoff.findUniqueOrThrow({ where: { id: handoff.id } });
      const winner = names[row.claimedBy!];
      expect(winner).toBeDefined();
      const err = lost[0]!.reason as TRPCError;
      expect(err).toBeInstanceOf(TRPCError);
      expect(err.code).toBe("CONFLICT");
      expect(err.message).toContain(`Already claimed by ${winner}`);
    }
  });

  it("tells the claimer when they already hold it", async () => {
    const { account, user, trpc } = await buildWorld(db, { role: "engineer" });
    const { handoff } = await openHandoff(account.id, user.id);
    await trpc.queue.claim({ handoffId: handoff.id });
    const err = await rejection(trpc.queue.claim({ handoffId: handoff.id }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toMatch(/^Already claimed by you/);
  });

  it("treats another account's handoff as missing and leaves it alone", async () => {
    const mine = await buildWorld(db, { role: "engineer" });
    const theirs = await buildWorld(db, { role: "engineer" });
    const { handoff } = await openHandoff(theirs.account.id, theirs.user.id);
    const err = await rejection(mine.trpc.queue.claim({ handoffId: handoff.id }));
    expect(err.code).toBe("NOT_FOUND");
    expect((await db.sessionHandoff.findUniqueOrThrow({ where: { id: handoff.id } })).claimedAt).toBeNull();
  });

  it("is refused to viewers with 403 naming the role needed", async () => {
    const { account, user, trpc } = await buildWorld(db, { role: "viewer" });
    const { handoff } = await openHandoff(account.id, user.id);
    const err = await rejection(trpc.queue.claim({ handoffId: handoff.id }));
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toContain("engineer or admin");
    expect((await db.sessionHandoff.findUniqueOrThrow({ where: { id: handoff.id } })).claimedAt).toBeNull();
  });

  it.each(["owner", "admin", "engineer"] as const)("is allowed to %s", async (role) => {
    const { account, user, trpc } = await buildWorld(db, { role });
    const { handoff } = await openHandoff(account.id, user.id);
    await expect(trpc.queue.claim({ handoffId: handoff.id })).resolves.toMatchObject({ id: handoff.id });
  });

  it("rejects an id that is not a uuid as bad input", async () => {
    const { trpc } = await buildWorld(db, { role: "engineer" });
    expect((await rejection(trpc.queue.claim({ handoffId: "nope" }))).code).toBe("BAD_REQUEST");
  });
});

describe("queue.recentClaims", () => {
  it("lists claims newest first, with the claimer and the time to first action", async () => {
    const world = await buildWorld(db, { role: "engineer" });
    const { account, user, trpc } = world;
    const other = await addMember(world, "engineer", { name: "Olga Other" });
    const now = await dbNow(db);
    const a = await openHandoff(account.id, user.id);
    const b = await openHandoff(account.id, user.id);
    await db.sessionHandoff.update({ where: { id: a.handoff.id }, data: { claimedAt: ago(now, secondsInMs(600)), claimedBy: other.user.id } });
    await addStep(db, { accountId: account.id, sessionId: a.session.id }, ago(now, secondsInMs(510)));
    await db.sessionHandoff.update({ where: { id: b.handoff.id }, data: { claimedAt: ago(now, secondsInMs(60)), claimedBy: user.id } });

    const { claims } = await trpc.queue.recentClaims();
    expect(claims.map((c) => c.id)).toEqual([b.handoff.id, a.handoff.id]);
    expect(claims[0]).toMatchObject({ claimedByMe: true, secondsToFirstAction: null });
    expect(claims[1]).toMatchObject({ claimedByMe: false, claimedByName: "Olga Other", secondsToFirstAction: 90 });
  });
});

describe("queue.session and queue.addNote", () => {
  it("shows the timeline and handoffs, and lets the claimer add the note that is the first action", async () => {
    const { account, user, trpc } = await buildWorld(db, { role: "engineer" });
    const now = await dbNow(db);
    const { session, handoff } = await openHandoff(account.id, user.id);
    await addStep(db, { accountId: account.id, sessionId: session.id }, ago(now, secondsInMs(300)), 1);
    await addStep(db, { accountId: account.id, sessionId: session.id }, ago(now, secondsInMs(200)), 2);

    const before = await trpc.queue.session({ sessionId: session.id });
    expect(before.canAddNote).toBe(false);
    expect(before.steps.map((s) => s.stepOrder)).toEqual([1, 2]);
    await expect(trpc.queue.addNote({ sessionId: session.id, text: "too early" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await trpc.queue.claim({ handoffId: handoff.id });
    const metricBefore = await trpc.analytics.escalations({ period: "7d" });
    expect(metricBefore).toMatchObject({ n_handoffs_claimed: 1, n_handoffs_with_action: 0 });
    expect((await trpc.queue.session({ sessionId: session.id })).canAddNote).toBe(true);

    const note = await trpc.queue.addNote({ sessionId: session.id, text: "  Restarted the VPN concentrator.  " });
    expect(note.stepOrder).toBe(3);

    const step = await db.aiSessionStep.findUniqueOrThrow({ where: { id: note.id } });
    expect(step).toMatchObject({ accountId: account.id, sessionId: session.id, stepType: "engineer_note", stepOrder: 3 });
    expect(step.content).toMatchObject({ text: "Restarted the VPN concentrator.", author_id: user.id });

    const after = await trpc.queue.session({ sessionId: session.id });
    expect(after.steps.at(-1)).toMatchObject({ id: note.id, text: "Restarted the VPN concentrator.", authorName: user.name });
    expect(after.handoffs[0]!.claimedByMe).toBe(true);
    expect(after.handoffs[0]!.secondsToFirstAction).toBeGreaterThan(0);

    const metricAfter = await trpc.analytics.escalations({ period: "7d" });
    expect(metricAfter).toMatchObject({ n_handoffs_claimed: 1, n_handoffs_with_action: 1 });
  });

  it("keeps other engineers and viewers from writing on someone else's claim; admins may", async () => {
    const world = await buildWorld(db, { role: "engineer" });
    const { account, user, trpc: claimer } = world;
    const { session, handoff } = await openHandoff(account.id, user.id);
    await claimer.queue.claim({ handoffId: handoff.id });

    const bystander = await addMember(world, "engineer");
    expect((await bystander.trpc.queue.session({ sessionId: session.id })).canAddNote).toBe(false);
    const err = await rejection(bystander.trpc.queue.addNote({ sessionId: session.id, text: "me too" }));
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toMatch(/claimed this session/);

    const viewer = await addMember(world, "viewer");
    expect((await viewer.trpc.queue.session({ sessionId: session.id })).canAddNote).toBe(false);
    expect((await rejection(viewer.trpc.queue.addNote({ sessionId: session.id, text: "hi" }))).code).toBe("FORBIDDEN");

    const admin = await addMember(world, "admin");
    expect((await admin.trpc.queue.session({ sessionId: session.id })).canAddNote).toBe(true);
    await expect(admin.trpc.queue.addNote({ sessionId: session.id, text: "covering" })).resolves.toMatchObject({ stepOrder: 1 });
    expect(await db.aiSessionStep.count({ where: { sessionId: session.id } })).toBe(1);
  });

  it("treats another account's session as missing", async () => {
    const mine = await buildWorld(db, { role: "admin" });
    const theirs = await buildWorld(db, { role: "engineer" });
    const { session } = await openHandoff(theirs.account.id, theirs.user.id);
    expect((await rejection(mine.trpc.queue.session({ sessionId: session.id }))).code).toBe("NOT_FOUND");
    expect((await rejection(mine.trpc.queue.addNote({ sessionId: session.id, text: "x" }))).code).toBe("NOT_FOUND");
    expect(await db.aiSessionStep.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("refuses an empty note", async () => {
    const { account, user, trpc } = await buildWorld(db, { role: "admin" });
    const { session } = await openHandoff(account.id, user.id);
    expect((await rejection(trpc.queue.addNote({ sessionId: session.id, text: "   " }))).code).toBe("BAD_REQUEST");
  });
});
