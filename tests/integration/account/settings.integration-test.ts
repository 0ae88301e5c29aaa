/**
 * The account's report settings: everyone reads them, owners and admins
 * change them, and the database itself refuses a zone PostgreSQL does not
 * know or a target that is not positive, whoever writes the row.
 */
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { testDb } from "../../support/db";
import { addMember, buildWorld } from "../../support/world";

const db = testDb();

describe("account.settings and account.updateSettings", () => {
  it("are read by every role and changed by owners and admins only", async () => {
    const world = await buildWorld(db, { role: "owner" });
    const owner = world.trpc;
    expect(await owner.account.settings()).toEqual({ time_zone: "UTC", first_action_target_seconds: null, can_edit: true });
    expect(await owner.account.updateSettings({ time_zone: "America/New_York", first_action_target_seconds: 900 })).toEqual({
      time_zone: "America/New_York", first_action_target_seconds: 900, can_edit: true,
    });
    const admin = (await addMember(world, "admin")).trpc;
    expect(await admin.account.updateSettings({ first_action_target_seconds: null })).toMatchObject({ first_action_target_seconds: null });

    for (const role of ["engineer", "viewer"] as const) {
      const other = (await addMember(world, role)).trpc;
      expect(await other.account.settings()).toEqual({ time_zone: "America/New_York", first_action_target_seconds: null, can_edit: false });
      await expect(other.account.updateSettings({ time_zone: "UTC" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("offer owners and admins the zones PostgreSQL knows, each once, as the form's choices", async () => {
    const world = await buildWorld(db, { role: "owner" });
    const { time_zones } = await world.trpc.account.timeZones();
    expect(time_zones).toEqual(expect.arrayContaining(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"]));
    expect(time_zones.filter((z) => /^(posix|right)\/|^US\/|^EST5EDT$/.test(z))).toEqual([]);
    expect([...time_zones].sort()).toEqual(time_zones);
    // Every choice is one the update accepts.
    const last = time_zones.at(-1)!;
    expect(await world.trpc.account.updateSettings({ time_zone: last })).toMatchObject({ time_zone: last });

    const admin = (await addMember(world, "admin")).trpc;
    expect((await admin.account.timeZones()).time_zones).toEqual(time_zones);
    for (const role of ["engineer", "viewer"] as const) {
      const other = (await addMember(world, role)).trpc;
      await expect(other.account.timeZones()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("answers invalid values with a 422-style error naming the setting", async () => {
    const { trpc } = await buildWorld(db, { role: "admin" });
    await expect(trpc.account.updateSettings({ time_zone: "Mars/Base" })).rejects.toMatchObject({
      code: "BAD_REQUEST", message: expect.stringMatching(/IANA time zone/),
    });
    await expect(trpc.account.updateSettings({ first_action_target_seconds: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(trpc.account.updateSettings({})).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await trpc.account.settings()).toMatchObject({ time_zone: "UTC", first_action_target_seconds: null });
  });

  it("feeds the report: target_seconds and the default time zone of the series", async () => {
    const { trpc } = await buildWorld(db, { role: "owner" });
    await trpc.account.updateSettings({ time_zone: "Asia/Kolkata", first_action_target_seconds: 120 });
    const series = await trpc.analytics.escalationsSeries({ period: "7d" });
    expect(series).toMatchObject({ time_zone: "Asia/Kolkata", target_seconds: 120 });
    expect(series.buckets.length).toBeGreaterThanOrEqual(7);
    expect(await trpc.analytics.escalations({})).toMatchObject({ target_seconds: 120, n_within_target: 0 });
  });
});

describe("the accounts table", () => {
  it("refuses an unknown time zone and a non-positive target from any writer", async () => {
    const { account } = await buildWorld(db);
    const violation = (sql: Prisma.Sql) => db.$executeRaw(sql).then(() => "ok", (e: Error) => e.message);
    expect(await violation(Prisma.sql`UPDATE accounts SET time_zone = 'Not/AZone' WHERE id = ${account.id}::uuid`)).toMatch(/time_zone/);
    expect(await violation(Prisma.sql`INSERT INTO accounts (name, time_zone) VALUES ('x', 'utc+3')`)).toMatch(/time_zone/);
    expect(await violation(Prisma.sql`UPDATE accounts SET first_action_target_seconds = 0 WHERE id = ${account.id}::uuid`)).toMatch(
      /first_action_target_seconds_positive/,
    );
    expect(await violation(Prisma.sql`UPDATE accounts SET time_zone = 'Pacific/Chatham' WHERE id = ${account.id}::uuid`)).toBe("ok");
    expect(await violation(Prisma.sql`INSERT INTO accounts (name) VALUES ('default zone')`)).toBe("ok");
  });
});
