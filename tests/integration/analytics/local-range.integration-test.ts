/**
 * analytics.localRange: the analytics page's two date inputs, read as
 * calendar days in the account's time zone by PostgreSQL, become the
 * report's from/to; the result is a window the report accepts.
 */
import { describe, expect, it } from "vitest";
import { testDb } from "../../support/db";
import { addMember, buildWorld } from "../../support/world";

const db = testDb();

describe("analytics.localRange", () => {
  it("runs from the first day's local midnight to the midnight after the last day", async () => {
    const { trpc } = await buildWorld(db, { role: "owner" });
    await trpc.account.updateSettings({ time_zone: "Europe/Berlin" });
    // 2026-03-29 is the spring-forward day in Berlin: 23 hours long.
    expect(await trpc.analytics.localRange({ from: "2026-03-28", to: "2026-03-29" })).toEqual({
      from: "2026-03-27T23:00:00.000000Z",
      to: "2026-03-29T22:00:00.000000Z",
      time_zone: "Europe/Berlin",
    });
    const range = await trpc.analytics.localRange({ from: "2026-01-01", to: "2026-01-31" });
    const report = await trpc.analytics.escalations({ from: range.from, to: range.to });
    expect(report).toMatchObject({ period: "custom", window_start: "2025-12-31T23:00:00.000Z", window_end: "2026-01-31T23:00:00.000Z" });
  });

  it("ends at now when the last day is today, and refuses later days and over-long ranges", async () => {
    const { trpc } = await buildWorld(db, { role: "engineer" });
    const [row] = await db.$queryRaw<{ today: string }[]>`SELECT to_char((now() AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS today`;
    const today = row!.today;
    const range = await trpc.analytics.localRange({ from: today, to: today });
    expect(range.from).toBe(`${today}T00:00:00.000000Z`);
    expect(Date.parse(range.to)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(Date.parse(range.to)).toBeGreaterThan(Date.parse(range.from));

    await expect(trpc.analytics.localRange({ from: today, to: "9999-12-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST", message: "the last day may not be later than today",
    });
    await expect(trpc.analytics.localRange({ from: "2024-01-01", to: "2025-06-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST", message: "the range may be at most 366 days long",
    });
    await expect(trpc.analytics.localRange({ from: "2025-02-02", to: "2025-02-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(trpc.analytics.localRange({ from: "2025-02-30", to: "2025-03-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(trpc.analytics.localRange({ from: "0000-01-01", to: "2025-03-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is for the report's readers only", async () => {
    const world = await buildWorld(db, { role: "owner" });
    const viewer = (await addMember(world, "viewer")).trpc;
    await expect(viewer.analytics.localRange({ from: "2025-01-01", to: "2025-01-02" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
