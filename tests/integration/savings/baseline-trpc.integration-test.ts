/**
 * Recording the baseline through tRPC, as the stopwatch form and the CSV
 * import in the app do: roles, every refusal of the contract, all-or-nothing
 * writes, account scope, and the table's own constraints.
 */
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { testDb } from "../../support/db";
import { addMember, buildWorld } from "../../support/world";
import { BASELINE_CSV_HEADER as HEADER, PAST, REFUSED_TIMINGS, refusedCsvLines } from "../../support/savings";
import type { AccountRole } from "@/server/auth/roles";

const db = testDb();

const count = (accountId: string) => db.baselineTiming.count({ where: { accountId } });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`;
  }
}

describe("roles", () => {
  const cases: [AccountRole, { add: string; list: string; del: string; imp: string; summary: string }][] = [
    ["owner", { add: "OK", list: "OK", del: "NOT_FOUND", imp: "OK", summary: "OK" }],
    ["admin", { add: "OK", list: "OK", del: "NOT_FOUND", imp: "OK", summary: "OK" }],
    ["engineer", { add: "OK", list: "OK", del: "FORBIDDEN", imp: "FORBIDDEN", summary: "OK" }],
    ["viewer", { add: "FORBIDDEN", list: "FORBIDDEN", del: "FORBIDDEN", imp: "FORBIDDEN", summary: "FORBIDDEN" }],
  ];
  for (const [role, expected] of cases) {
    it(`${role}: add ${expected.add}, list ${expected.list}, delete ${expected.del}, import ${expected.imp}`, async () => {
      const { trpc } = await buildWorld(db, { role: role });
      expect(await codeOf(trpc.savings.baselineAdd({ timings: [{ measured_at: PAST, seconds: 30 }] }))).toBe(expected.add);
      expect(await codeOf(trpc.savings.baselineList({}))).toBe(expected.list);
      expect(await codeOf(trpc.savings.baselineDelete({ id: crypto.randomUUID() }))).toBe(expected.del);
      expect(await codeOf(trpc.savings.baselineImport({ csv: `${HEADER}\n${PAST},30,,` }))).toBe(expected.imp);
      expect(await codeOf(trpc.savings.summary({}))).toBe(expected.summary);
    });
  }

  it("names the admin role when an engineer tries to delete", async () => {
    const { trpc } = await buildWorld(db, { role: "engineer" });
    await expect(trpc.savings.baselineDelete({ id: crypto.randomUUID() })).rejects.toThrow(/needs the admin role; your role is engineer/);
  });
});

describe("adding timings (the stopwatch form)", () => {
  it("writes the timing as the caller, trimmed, with microseconds kept", async () => {
    const { trpc, account, user } = await buildWorld(db, { role: "engineer" });
    const result = await trpc.savings.baselineAdd({
      timings: [{ measured_at: "2026-11-20T10:14:03.123456+01:00", seconds: 512.25, engineer_name: "  Erin ", note: "" }],
    });
    expect(result).toEqual({ inserted: 1 });
    const page = await trpc.savings.baselineList({});
    expect(page).toEqual({
      n_total: 1, next_cursor: null,
      items: [{
        id: expect.any(String), measured_at: "2026-11-20T09:14:03.123456Z", seconds: 512.25, engineer_name: "Erin", note: null,
        created_by: user.id, created_by_name: user.name, created_at: expect.stringMatching(/Z$/),
      }],
    });
    expect(await count(account.id)).toBe(1);
  });

  for (const [what, timing, reason] of REFUSED_TIMINGS) {
    it(`refuses ${what} and writes nothing, even beside a good timing`, async () => {
      const { trpc, account } = await buildWorld(db, { role: "engineer" });
      const good = { measured_at: PAST, seconds: 30 };
      await expect(trpc.savings.baselineAdd({ timings: [good, timing as typeof good] })).rejects.toThrow(reason);
      expect(await count(account.id)).toBe(0);
    });
  }

  it("refuses an empty batch and more than 5 000 timings", async () => {
    const { trpc, account } = await buildWorld(db, { role: "engineer" });
    await expect(trpc.savings.baselineAdd({ timings: [] })).rejects.toThrow(/at least one/);
    const many = Array.from({ length: 5_001 }, () => ({ measured_at: PAST, seconds: 30 }));
    await expect(trpc.savings.baselineAdd({ timings: many })).rejects.toThrow(/at most 5000/);
    expect(await count(account.id)).toBe(0);
    expect(await trpc.savings.baselineAdd({ timings: many.slice(1) })).toEqual({ inserted: 5_000 });
  });

  it("accepts the boundaries: 0.001 s, exactly one week, 3 decimals", async () => {
    const { trpc } = await buildWorld(db, { role: "engineer" });
    const timings = [0.001, 604_800, 1.234].map((seconds) => ({ measured_at: PAST, seconds }));
    expect(await trpc.savings.baselineAdd({ timings })).toEqual({ inserted: 3 });
  });
});

describe("listing and deleting", () => {
  it("pages newest measured_at first with an opaque cursor, and refuses a forged cursor", async () => {
    const { trpc } = await buildWorld(db, { role: "admin" });
    const timings = Array.from({ length: 7 }, (_, i) => ({ measured_at: `2026-11-0${i + 1}T08:00:00Z`, seconds: i + 1 }));
    await trpc.savings.baselineAdd({ timings: [...timings, { measured_at: "2026-11-07T08:00:00Z", seconds: 99 }] });
    const seen: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await trpc.savings.baselineList({ limit: 3, cursor });
      expect(page.n_total).toBe(8);
      seen.push(...page.items.map((i) => i.seconds));
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
    expect(seen).toHaveLength(8);
    expect(seen.slice(2)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(new Set(seen.slice(0, 2))).toEqual(new Set([7, 99]));
    await expect(trpc.savings.baselineList({ cursor: "not-a-cursor" })).rejects.toThrow(/cursor/);
    await expect(trpc.savings.baselineList({ limit: 501 })).rejects.toThrow(/limit/);
  });

  it("deletes one of the account's timings; another account's id is not found and stays", async () => {
    const mine = await buildWorld(db, { role: "owner" });
    const theirs = await buildWorld(db, { role: "owner" });
    await theirs.trpc.savings.baselineAdd({ timings: [{ measured_at: PAST, seconds: 5 }] });
    const [their] = (await theirs.trpc.savings.baselineList({})).items;
    await expect(mine.trpc.savings.baselineDelete({ id: their!.id })).rejects.toThrow(/No baseline timing/);
    expect(await count(theirs.account.id)).toBe(1);
    expect((await mine.trpc.savings.baselineList({})).n_total).toBe(0);
    await theirs.trpc.savings.baselineDelete({ id: their!.id });
    expect(await count(theirs.account.id)).toBe(0);
  });
});

describe("CSV import in the app", () => {
  it("imports every line as the caller", async () => {
    const { trpc, account, user } = await buildWorld(db, { role: "admin" });
    const csv = `${HEADER}\n${PAST},30,Erin,"VPN, phoned in"\n2026-11-21T10:00:00+02:00,45.5,,\n`;
    expect(await trpc.savings.baselineImport({ csv })).toEqual({ ok: true, inserted: 2 });
    const rows = await db.baselineTiming.findMany({ where: { accountId: account.id } });
    expect(rows.every((r) => r.createdBy === user.id)).toBe(true);
  });

  it("imports nothing from a file with bad lines, and names each one", async () => {
    const { trpc, account } = await buildWorld(db, { role: "admin" });
    const lines = refusedCsvLines();
    const csv = [HEADER, `${PAST},30,,`, ...lines].join("\n");
    const result = await trpc.savings.baselineImport({ csv });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual(lines.map((_, i) => i + 3));
    expect(await count(account.id)).toBe(0);
  });
});

describe("the table itself", () => {
  it("refuses rows that break the rules, whoever writes them", async () => {
    const { account, user } = await buildWorld(db, { role: "admin" });
    for (const seconds of ["0", "-1", "604800.001", "1.2345"]) {
      await expect(
        db.$executeRaw`INSERT INTO baseline_timings (account_id, created_by, measured_at, seconds)
                       VALUES (${account.id}::uuid, ${user.id}::uuid, now(), ${seconds}::numeric)`,
        seconds,
      ).rejects.toThrow(/baseline_timings_seconds/);
    }
    expect(await count(account.id)).toBe(0);
  });

  it("keeps another account's timings out of the list", async () => {
    const other = await buildWorld(db, { role: "engineer" });
    await other.trpc.savings.baselineAdd({ timings: [{ measured_at: PAST, seconds: 12 }] });
    const engineer = await addMember(await buildWorld(db, { role: "owner" }), "engineer");
    expect((await engineer.trpc.savings.baselineList({})).n_total).toBe(0);
  });
});
