/**
 * Series buckets follow the calendar of a time zone: local midnights from
 * PostgreSQL's zone data, 23- and 25-hour days across DST changes, ISO weeks
 * across a year end, clipped first and last buckets, and no empty bucket
 * after a window that ends exactly at a local midnight.
 */
import { describe, expect, it } from "vitest";
import { testDb } from "../../support/db";
import { buildWorld, insertHandoffs, insertSessions, insertSteps } from "../../support/world";
import { isoToMicros } from "@/server/api/routers/analytics/window.types";

const db = testDb();
const HOUR_MS = 3_600_000;

/** An account with one claimed handoff per instant (each with a step `actionAfterS` later, if given). */
async function worldWithClaims(claims: { at: string; actionAfterS?: number }[], timeZone?: string) {
  const world = await buildWorld(db);
  if (timeZone) await db.account.update({ where: { id: world.accountId }, data: { timeZone } });
  const sessions = await insertSessions(db, world, claims.length);
  await insertHandoffs(db, claims.map((c, i) => ({
    accountId: world.accountId, sessionId: sessions[i]!, handedOffBy: world.userId, claimedAtUs: isoToMicros(c.at),
  })));
  await insertSteps(db, claims.flatMap((c, i) => c.actionAfterS === undefined ? [] : [{
    accountId: world.accountId, sessionId: sessions[i]!, createdAtUs: isoToMicros(c.at) + BigInt(c.actionAfterS) * 1_000_000n,
  }]));
  return world;
}

const shape = (buckets: { label: string; start: string; end: string; n_handoffs_claimed: number }[]) =>
  buckets.map((b) => [b.label, b.start, b.end, b.n_handoffs_claimed]);
const hours = (b: { start: string; end: string }) => (Date.parse(b.end) - Date.parse(b.start)) / HOUR_MS;
/** The instants between buckets, the window's start and end included; null when a bucket does not start where the one before it ends. */
const boundaries = (buckets: { start: string; end: string }[]) =>
  buckets.every((b, i) => i === 0 || b.start === buckets[i - 1]!.end) ? [buckets[0]?.start, ...buckets.map((b) => b.end)] : null;

describe("day buckets in Europe/Berlin", () => {
  it("has a 23-hour day at the spring change, and clips the first and last buckets to the window", async () => {
    const from = "2026-03-28T10:00:00.000Z"; // Saturday 11:00 CET
    const to = "2026-03-31T12:00:00.000Z"; // Tuesday 14:00 CEST
    const world = await worldWithClaims([
      { at: "2026-03-28T09:59:59.999999Z" }, // before the window
      { at: from, actionAfterS: 30 },
      { at: "2026-03-28T22:59:59.999999Z", actionAfterS: 90 }, // 23:59:59.999999 CET, still Saturday
      { at: "2026-03-28T23:00:00.000000Z" }, // Sunday 00:00 CET
      { at: "2026-03-29T21:59:59.999999Z" }, // Sunday 23:59:59.999999 CEST
      { at: "2026-03-29T22:00:00.000000Z" }, // Monday 00:00 CEST
      { at: to, actionAfterS: 5 }, // the last bucket is closed at window_end
    ], "Europe/Berlin");
    const series = await world.trpc.analytics.escalationsSeries({ from, to });
    expect(series.time_zone).toBe("Europe/Berlin");
    expect(series.period).toBe("custom");
    expect(shape(series.buckets)).toEqual([
      ["2026-03-28", from, "2026-03-28T23:00:00.000Z", 2],
      ["2026-03-29", "2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z", 2],
      ["2026-03-30", "2026-03-29T22:00:00.000Z", "2026-03-30T22:00:00.000Z", 1],
      ["2026-03-31", "2026-03-30T22:00:00.000Z", to, 1],
    ]);
    expect(hours(series.buckets[1]!)).toBe(23);
    const first = series.buckets[0]!;
    expect([first.n_handoffs_with_action, first.avg_seconds_to_first_action, first.median_seconds_to_first_action,
      first.p95_seconds_to_first_action]).toEqual([2, 60, 60, 90]);
    expect(series.buckets[2]).toMatchObject({ n_handoffs_with_action: 0, avg_seconds_to_first_action: null, p95_seconds_to_first_action: null });
  });

  it("has a 25-hour day at the autumn change, and no empty bucket after a window ending at local midnight", async () => {
    const from = "2026-10-24T22:00:00.000Z"; // Sunday 25 October 00:00 CEST
    const to = "2026-10-26T23:00:00.000Z"; // Tuesday 27 October 00:00 CET
    const world = await worldWithClaims([
      { at: "2026-10-25T22:59:59.999999Z" }, // Sunday 23:59:59.999999 CET
      { at: "2026-10-25T23:00:00.000000Z" }, // Monday 00:00 CET
      { at: to }, // exactly at the end: the last bucket, closed at both ends
    ]);
    const series = await world.trpc.analytics.escalationsSeries({ from, to, tz: "Europe/Berlin" });
    expect(shape(series.buckets)).toEqual([
      ["2026-10-25", from, "2026-10-25T23:00:00.000Z", 1],
      ["2026-10-26", "2026-10-25T23:00:00.000Z", to, 2],
    ]);
    expect(hours(series.buckets[0]!)).toBe(25);
  });
});

describe("day buckets in America/New_York", () => {
  it("has a 23-hour day in March and a 25-hour day in November", async () => {
    const world = await worldWithClaims([
      { at: "2026-03-08T04:59:59.999999Z" }, // Saturday 23:59:59.999999 EST
      { at: "2026-03-08T05:00:00.000000Z" }, // Sunday 00:00 EST
      { at: "2026-11-01T04:00:00.000000Z" }, // Sunday 00:00 EDT
      { at: "2026-11-02T04:59:59.999999Z" }, // Sunday 23:59:59.999999 EST
    ], "America/New_York");
    const changes = [
      {
        from: "2026-03-07T12:00:00Z", to: "2026-03-09T12:00:00Z", middleHours: 23,
        buckets: [
          ["2026-03-07", "2026-03-07T12:00:00.000Z", "2026-03-08T05:00:00.000Z", 1],
          ["2026-03-08", "2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z", 1],
          ["2026-03-09", "2026-03-09T04:00:00.000Z", "2026-03-09T12:00:00.000Z", 0],
        ],
      },
      {
        from: "2026-10-31T12:00:00Z", to: "2026-11-02T12:00:00Z", middleHours: 25,
        buckets: [
          ["2026-10-31", "2026-10-31T12:00:00.000Z", "2026-11-01T04:00:00.000Z", 0],
          ["2026-11-01", "2026-11-01T04:00:00.000Z", "2026-11-02T05:00:00.000Z", 2],
          ["2026-11-02", "2026-11-02T05:00:00.000Z", "2026-11-02T12:00:00.000Z", 0],
        ],
      },
    ];
    for (const change of changes) {
      const series = await world.trpc.analytics.escalationsSeries({ from: change.from, to: change.to });
      expect(shape(series.buckets)).toEqual(change.buckets);
      expect(hours(series.buckets[1]!)).toBe(change.middleHours);
    }
  });
});

describe("week buckets", () => {
  it("are ISO weeks from Monday 00:00 local time across a year end, labelled with the Monday even when clipped", async () => {
    const from = "2025-12-24T12:00:00.000Z"; // a Wednesday
    const to = "2026-01-14T12:00:00.000Z"; // a Wednesday
    const world = await worldWithClaims([
      { at: "2025-12-31T23:30:00.000000Z" }, // 1 January 00:30 in Berlin: the week of Monday 29 December
      { at: "2026-01-04T22:59:59.999999Z" }, // Sunday 23:59:59.999999 in Berlin
      { at: "2026-01-04T23:00:00.000000Z" }, // Monday 5 January 00:00 in Berlin
    ], "Europe/Berlin");
    const series = await world.trpc.analytics.escalationsSeries({ from, to, bucket: "week" });
    expect(series.bucket).toBe("week");
    expect(series.buckets.map((b) => b.label)).toEqual(["2025-12-22", "2025-12-29", "2026-01-05", "2026-01-12"]);
    // Monday 00:00 in Berlin (23:00 UTC in winter) between the weeks, and the window's own ends outside them.
    expect(boundaries(series.buckets)).toEqual([from, "2025-12-28T23:00:00.000Z", "2026-01-04T23:00:00.000Z", "2026-01-11T23:00:00.000Z", to]);
    expect(series.buckets.map((b) => b.n_handoffs_claimed)).toEqual([0, 2, 1, 0]);
  });

  it("a tz parameter overrides the account's zone", async () => {
    const world = await worldWithClaims([{ at: "2026-01-04T23:30:00.000000Z" }], "Europe/Berlin");
    const utc = await world.trpc.analytics.escalationsSeries({
      from: "2025-12-29T00:00:00Z", to: "2026-01-12T00:00:00Z", bucket: "week", tz: "UTC",
    });
    expect(shape(utc.buckets)).toEqual([
      ["2025-12-29", "2025-12-29T00:00:00.000Z", "2026-01-05T00:00:00.000Z", 1],
      ["2026-01-05", "2026-01-05T00:00:00.000Z", "2026-01-12T00:00:00.000Z", 0],
    ]);
  });
});
