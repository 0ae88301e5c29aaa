/**
 * Demo data: a realistic 90-day history for one pilot account, plus a second
 * account whose rows must never show up in the first one's numbers.
 *
 * Idempotent: keyed on the demo account's display_code, a second run changes
 * nothing. Deterministic: a seeded RNG, times relative to now.
 */
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/generated/prisma/client";
import { hashPassword } from "@/server/auth/password";
import type { AccountRole } from "@/server/auth/roles";

export const DEMO_ACCOUNT_CODE = "DEMO";
export const OTHER_ACCOUNT_CODE = "OTHER";
export const DEMO_PASSWORD = "flowpilot-demo";
export const DEMO_USERS: { email: string; name: string; role: AccountRole }[] = [
  { email: "owner@demo.flowpilot.test", name: "Olivia Owner", role: "owner" },
  { email: "admin@demo.flowpilot.test", name: "Adam Admin", role: "admin" },
  { email: "engineer@demo.flowpilot.test", name: "Erin Engineer", role: "engineer" },
  { email: "viewer@demo.flowpilot.test", name: "Victor Viewer", role: "viewer" },
];

/** The demo users as printed for the operator, one per line. */
export function demoUserLines(): string[] {
  return DEMO_USERS.map((u) => `  ${u.role.padEnd(8)} ${u.email}`);
}

/** mulberry32: a tiny seeded PRNG, so the demo looks the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INTENTS = ["network outage", "M365 licensing", "VPN drops", "printer queue", "backup failed", "MFA reset", "disk full"];
const PRIORITIES = ["low", "normal", "high", "urgent"];

export type SeedResult = { created: boolean; accountId: string };

export async function seedDemo(db: Db, now = new Date()): Promise<SeedResult> {
  const existing = await db.account.findUnique({ where: { displayCode: DEMO_ACCOUNT_CODE } });
  if (existing) return { created: false, accountId: existing.id };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.$transaction(
    async (tx) => {
      const account = await tx.account.create({ data: { name: "Northwind MSP (demo)", displayCode: DEMO_ACCOUNT_CODE } });
      const users = [];
      for (const u of DEMO_USERS) {
        users.push(
          await tx.user.create({
            data: { accountId: account.id, email: u.email, name: u.name, passwordHash, accountRole: u.role },
          }),
        );
      }
      const other = await tx.account.create({ data: { name: "Contoso IT (demo)", displayCode: OTHER_ACCOUNT_CODE } });
      const otherUser = await tx.user.create({
        data: { accountId: other.id, email: "engineer@contoso.flowpilot.test", name: "Casey Contoso", passwordHash, accountRole: "engineer" },
      });

      const workers = users.filter((u) => u.accountRole !== "viewer");
      await seedHistory(tx as unknown as Db, account.id, workers.map((u) => u.id), now, seededRandom(42), 320);
      await seedHistory(tx as unknown as Db, other.id, [otherUser.id], now, seededRandom(7), 60);
      await seedOpenQueue(tx as unknown as Db, account.id, workers.map((u) => u.id), now, seededRandom(99));
      await seedBaseline(tx as unknown as Db, account.id, users[0]!.id, now, seededRandom(13));
      return { created: true, accountId: account.id };
    },
    { timeout: 120_000 },
  );
}

/** A handful of escalations from the last hours, still waiting: the queue a pilot sees first. */
export async function seedOpenQueue(db: Db, accountId: string, userIds: string[], now: Date, rand: () => number) {
  const ages = [4, 11, 26, 55, 130, 290, 470].map((minutes) => minutes * 60_000);
  for (const [i, age] of ages.entries()) {
    const handedAt = new Date(now.getTime() - age);
    const userId = userIds[i % userIds.length]!;
    const session = await db.aiSession.create({
      data: {
        accountId, userId, createdAt: new Date(handedAt.getTime() - 600_000), sessionType: "troubleshooting",
        intakeType: "ticket", intakeContent: { summary: INTENTS[i % INTENTS.length] }, status: "escalated",
        confidenceTier: "low", conversationMessages: [],
      },
    });
    await db.aiSessionStep.create({
      data: {
        sessionId: session.id, accountId, stepOrder: 1, stepType: "ai_suggestion", createdAt: new Date(handedAt.getTime() - 300_000),
        content: { text: "ai_suggestion 1" }, confidenceAtStep: Math.round(rand() * 40) / 100,
      },
    });
    await db.sessionHandoff.create({
      data: {
        sessionId: session.id, accountId, handedOffBy: userId, createdAt: handedAt, intent: INTENTS[(i + 3) % INTENTS.length]!,
        priority: PRIORITIES[i % PRIORITIES.length]!, snapshot: { stepCount: 1 },
      },
    });
  }
}

export async function seedHistory(db: Db, accountId: string, userIds: string[], now: Date, rand: () => number, sessions: number) {
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const at = (ms: number) => new Date(ms);
  const sessionRows = [];
  const stepRows: Prisma.AiSessionStepCreateManyInput[] = [];
  const handoffRows = [];

  for (let i = 0; i < sessions; i++) {
    const ageDays = rand() * 92;
    const start = now.getTime() - ageDays * 86_400_000;
    const sessionId = crypto.randomUUID();
    const owner = pick(userIds);
    sessionRows.push({
      id: sessionId, accountId, userId: owner, createdAt: at(start),
      sessionType: "troubleshooting", intakeType: pick(["ticket", "chat", "phone"]),
      intakeContent: { summary: pick(INTENTS) }, status: "open", confidenceTier: pick(["low", "medium", "high"]),
      conversationMessages: [],
    });
    let order = 0;
    const step = (t: number, type: string) =>
      stepRows.push({
        sessionId, accountId, stepOrder: ++order, stepType: type, createdAt: at(t),
        content: { text: `${type} ${order}` }, confidenceAtStep: Math.round(rand() * 100) / 100,
        inputTokens: Math.floor(rand() * 800), outputTokens: Math.floor(rand() * 400),
      });
    let t = start;
    for (let s = 0, n = 2 + Math.floor(rand() * 4); s < n; s++) step((t += 20_000 + rand() * 120_000), "ai_suggestion");

    // About half the sessions get escalated, a few of them twice.
    const handoffs = rand() < 0.5 ? (rand() < 0.15 ? 2 : 1) : 0;
    for (let h = 0; h < handoffs; h++) {
      const handedAt = (t += 30_000 + rand() * 600_000);
      const fresh = now.getTime() - handedAt < 2 * 86_400_000;
      const roll = rand();
      // Recent handoffs are often still open, which fills the queue.
      const claimed = fresh ? roll > 0.5 : roll > 0.06;
      const handoff = {
        sessionId, accountId, handedOffBy: owner, createdAt: at(handedAt),
        intent: pick(INTENTS), priority: pick(PRIORITIES), snapshot: { stepCount: order },
        claimedAt: null as Date | null, claimedBy: null as string | null,
      };
      if (claimed) {
        const claimedAt = handedAt + 15_000 + rand() * 900_000;
        if (claimedAt > now.getTime()) { handoffRows.push(handoff); continue; }
        handoff.claimedAt = at(claimedAt);
        handoff.claimedBy = pick(userIds.filter((u) => u !== owner).concat(userIds.length === 1 ? [owner] : []));
        // Responses got faster over the pilot: older claims waited longer,
        // so 7d, 30d and 90d tell different stories.
        const ageFactor = 1 + (now.getTime() - claimedAt) / (86_400_000 * 20);
        const noAction = rand() < 0.08;
        if (!noAction) {
          const slow = rand() < 0.1;
          const delay = (slow ? 900_000 + rand() * 2_700_000 : 10_000 + rand() * 150_000) * ageFactor;
          if (claimedAt + delay < now.getTime()) { t = claimedAt + delay; step(t, "engineer_note"); }
        }
      }
      handoffRows.push(handoff);
    }
  }
  await db.aiSession.createMany({ data: sessionRows });
  await db.aiSessionStep.createMany({ data: stepRows });
  await db.sessionHandoff.createMany({ data: handoffRows });
}

/**
 * About 40 stopwatch timings of verbal handoffs from before the pilot (the
 * manual baseline), so the savings page has a real verdict at once: a few
 * minutes to half an hour, log-normal like real response times.
 */
export async function seedBaseline(db: Db, accountId: string, createdBy: string, now: Date, rand: () => number) {
  const engineers = ["Adam", "Erin", "Olivia", "Sam"];
  const notes = ["phoned in", "walked over", "Teams call", "", "", "shouted across the desk"];
  const timings = Array.from({ length: 40 }, (_, i) => {
    const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    const seconds = Math.min(7_200, Math.max(45, 540 * Math.exp(0.55 * z)));
    return {
      accountId, createdBy,
      measuredAt: new Date(now.getTime() - (100 - i * 0.2) * 86_400_000 - rand() * 8 * 3_600_000),
      seconds: seconds.toFixed(3), engineerName: engineers[i % engineers.length]!, note: notes[i % notes.length] || null,
    };
  });
  await db.baselineTiming.createMany({ data: timings });
}
