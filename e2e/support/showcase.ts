/**
 * The README screenshots' own account: the demo's data shape, seeded so that
 * every picture comes out the same on every run.
 *
 * - Its own account, so what other specs do to the demo account (claims,
 *   notes, stopwatch timings, imports) never shows in a screenshot.
 * - History relative to today's UTC midnight in the database's clock, not to
 *   now: each claim keeps its place in its calendar day (the account's zone
 *   is UTC), so daily buckets and the sparkline do not move with the time of
 *   day the suite runs, and a day later everything has moved by exactly one day.
 * - No claims in the calendar days where a 30-, 60- or 90-day window starts:
 *   those windows begin at now − N days, mid-day, so claims there would
 *   count or not depending on the hour.
 * - Baseline timings at fixed dates, so the pilot report's baseline side and
 *   its bootstrap interval never change.
 * What still moves (ages such as "5m ago", the report's window timestamps)
 * is hidden when the picture is taken: see LIVE_TEXT in screenshots.e2e.ts.
 */
import { createDb } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import {
  DEMO_PASSWORD, DEMO_USERS, seedBaseline, seedHistory, seedOpenQueue, seededRandom,
} from "@/ops/seed/demo";

export const SHOWCASE_ACCOUNT_CODE = "SHOWCASE";
export const SHOWCASE = {
  owner: "owner@showcase.flowpilot.test",
  engineer: "engineer@showcase.flowpilot.test",
} as const;

/** Calendar days (before today) in which a fixed-length window starts. */
const WINDOW_START_DAYS = [30, 60, 90];
const DAY_MS = 86_400_000;
const BASELINE_ANCHOR = new Date("2026-09-01T00:00:00Z");

/** Seeds the account once per database; later calls find it and change nothing. */
export async function seedShowcase(): Promise<void> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run through npm run test:e2e");
  const db = createDb(url);
  try {
    if (await db.account.findUnique({ where: { displayCode: SHOWCASE_ACCOUNT_CODE } })) return;
    const rows = await db.$queryRaw<{ midnight: Date }[]>`
      SELECT date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS midnight`;
    const midnight = rows[0]!.midnight;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.$transaction(
      async (tx) => {
        const t = tx as unknown as typeof db;
        const account = await t.account.create({ data: { name: "Northwind MSP (demo)", displayCode: SHOWCASE_ACCOUNT_CODE } });
        const users = [];
        for (const u of DEMO_USERS) {
          users.push(
            await t.user.create({
              data: {
                accountId: account.id, email: u.email.replace("@demo.", "@showcase."), name: u.name,
                passwordHash, accountRole: u.role,
              },
            }),
          );
        }
        const workers = users.filter((u) => u.accountRole !== "viewer").map((u) => u.id);
        await seedHistory(t, account.id, workers, midnight, seededRandom(42), 900);
        for (const days of WINDOW_START_DAYS) {
          await t.$executeRaw`
            DELETE FROM session_handoffs
             WHERE account_id = ${account.id}::uuid
               AND claimed_at >= ${new Date(midnight.getTime() - days * DAY_MS)}
               AND claimed_at < ${new Date(midnight.getTime() - (days - 1) * DAY_MS)}`;
        }
        await seedOpenQueue(t, account.id, workers, midnight, seededRandom(99));
        await seedBaseline(t, account.id, users[0]!.id, BASELINE_ANCHOR, seededRandom(13));
      },
      { timeout: 120_000 },
    );
  } finally {
    await db.$disconnect();
  }
}
