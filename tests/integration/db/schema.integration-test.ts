// Every Prisma model can be written and read back on a freshly migrated
// database: the schema and the migration SQL cannot drift apart unnoticed.
import { describe, expect, it } from "vitest";
import { testDb } from "../../support/db";

describe("Prisma schema against the migrated database", () => {
  it("writes and reads back every model with every column", async () => {
    const db = testDb();
    const account = await db.account.create({ data: { name: "Round trip", displayCode: `RT-${Date.now()}` } });
    const user = await db.user.create({
      data: { accountId: account.id, email: `rt-${Date.now()}@test.flowpilot.test`, name: "R", passwordHash: "h", accountRole: "admin" },
    });
    const session = await db.aiSession.create({
      data: {
        accountId: account.id, userId: user.id, sessionType: "t", intakeType: "i", intakeContent: { a: 1 },
        status: "open", confidenceTier: "high", conversationMessages: [{ role: "user", text: "hi" }],
      },
    });
    const claimedAt = new Date("2026-01-02T03:04:05.123Z");
    const stepAt = new Date("2026-01-02T03:05:00.000Z");
    const step = await db.aiSessionStep.create({
      data: {
        sessionId: session.id, accountId: account.id, stepOrder: 3, stepType: "note", content: { text: "x" },
        confidenceAtStep: 0.25, inputTokens: 5, outputTokens: 7, isForkPoint: true, wasFreeText: true, wasSkipped: true,
        createdAt: stepAt,
      },
    });
    const handoff = await db.sessionHandoff.create({
      data: {
        sessionId: session.id, accountId: account.id, handedOffBy: user.id, intent: "help", snapshot: { s: true },
        priority: "high", claimedAt, claimedBy: user.id,
      },
    });
    const key = await db.apiKey.create({
      data: { accountId: account.id, userId: user.id, name: "k", keyHash: `hash-${Date.now()}`, keyPrefix: "fp_abc", lastUsedAt: claimedAt, revokedAt: null },
    });

    const read = await db.account.findUniqueOrThrow({
      where: { id: account.id },
      include: { users: true, sessions: true, steps: true, handoffs: true, apiKeys: true },
    });
    expect(read.users[0]).toMatchObject({ email: user.email, accountRole: "admin" });
    expect(read.sessions[0]).toMatchObject({ intakeContent: { a: 1 }, conversationMessages: [{ role: "user", text: "hi" }] });
    expect(read.steps[0]).toMatchObject({ id: step.id, stepOrder: 3, confidenceAtStep: 0.25, inputTokens: 5, outputTokens: 7, isForkPoint: true, wasFreeText: true, wasSkipped: true });
    expect(read.handoffs[0]).toMatchObject({ id: handoff.id, claimedAt, claimedBy: user.id, snapshot: { s: true } });
    // Maintained by the database, not by this write.
    expect(read.handoffs[0]!.firstActionAt).toEqual(stepAt);
    expect(read.apiKeys[0]).toMatchObject({ id: key.id, keyPrefix: "fp_abc", lastUsedAt: claimedAt, revokedAt: null });
    expect(read.createdAt).toBeInstanceOf(Date);
    expect(read.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps microsecond precision on timestamps", async () => {
    const db = testDb();
    const [row] = await db.$queryRaw<{ t: string }[]>`
      SELECT (to_char(created_at, 'US')) AS t FROM (SELECT '2026-01-01 00:00:00.123456+00'::timestamptz(6) AS created_at) x`;
    expect(row!.t).toBe("123456");
    const cols = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type = 'timestamp with time zone' AND datetime_precision <> 6`;
    expect(cols[0]!.n).toBe(0);
  });
});
