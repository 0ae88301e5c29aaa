/**
 * `npm run cli -- baseline:import`: the operator's import. Records the named
 * user as created_by whatever their role, and a bad file imports nothing and
 * lists every bad line.
 */
import { describe, expect, it } from "vitest";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { testDb } from "../../support/db";
import { buildWorld } from "../../support/world";
import { cli, expectRefused } from "../../support/cli";
import { BASELINE_CSV_HEADER, PAST, refusedCsvLines } from "../../support/savings";

const db = testDb();

async function csvFile(lines: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "flowpilot-baseline-"));
  const file = path.join(dir, "baseline.csv");
  await writeFile(file, lines.join("\n"));
  return file;
}

// Each test spawns the CLI (tsx) once or more, which takes long on a busy machine.
describe("npm run cli -- baseline:import", { timeout: 240_000 }, () => {
  it("imports every line as the named user, even a viewer, and prints {inserted}", async () => {
    const { account, user: viewer } = await buildWorld(db, { role: "viewer" });
    const file = await csvFile([BASELINE_CSV_HEADER, `${PAST},30,Erin,"phoned, then mailed"`, "2026-11-21T10:00:00+02:00,45.5,,"]);
    const run = await cli("baseline:import", "--email", viewer.email.toUpperCase(), "--file", file);
    expect(run.code).toBe(0);
    expect(run.json).toEqual({ inserted: 2 });
    expect(run.stderr).toMatch(/Imported 2 baseline timings/);
    const rows = await db.baselineTiming.findMany({ where: { accountId: account.id }, orderBy: { measuredAt: "asc" } });
    expect(rows.map((r) => [r.createdBy, Number(r.seconds), r.note])).toEqual([
      [viewer.id, 30, "phoned, then mailed"],
      [viewer.id, 45.5, null],
    ]);
  });

  it("imports nothing from a file with bad lines and lists each line with its reason", async () => {
    const { account, user: admin } = await buildWorld(db, { role: "admin" });
    const bad = refusedCsvLines();
    const file = await csvFile([BASELINE_CSV_HEADER, `${PAST},30,,`, ...bad]);
    const run = await cli("baseline:import", "--email", admin.email, "--file", file);
    expectRefused(run, /nothing imported/);
    for (let i = 0; i < bad.length; i++) expect(run.stderr).toContain(`line ${i + 3}: `);
    expect(run.stderr).not.toContain("line 2:");
    expect(await db.baselineTiming.count({ where: { accountId: account.id } })).toBe(0);
  });

  it("refuses a missing file, an unknown user and missing flags", async () => {
    const { account, user: admin } = await buildWorld(db, { role: "admin" });
    expectRefused(await cli("baseline:import", "--email", admin.email, "--file", "/nonexistent/baseline.csv"), /cannot be read \(ENOENT\)/);
    const file = await csvFile([BASELINE_CSV_HEADER, `${PAST},30,,`]);
    expectRefused(await cli("baseline:import", "--email", "nobody@test.flowpilot.test", "--file", file), /No user with email/);
    expectRefused(await cli("baseline:import", "--email", admin.email), /missing --file/);
    expectRefused(await cli("baseline:import", "--file", file, "--email", "not-an-email"), /--email must be an email/);
    expect(await db.baselineTiming.count({ where: { accountId: account.id } })).toBe(0);
  });
});
