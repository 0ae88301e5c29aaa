/**
 * The operator CLI run as operators run it: a child process on this run's
 * database, one JSON line on stdout, logs on stderr, exit status 2 and no
 * change on bad input.
 */
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { testDb } from "../../support/db";
import { cli, expectRefused } from "../../support/cli";
import { addApiKey, buildWorld } from "../../support/world";
import { hashApiKey } from "@/server/auth/api-keys";
import { verifyPassword } from "@/server/auth/password";

const db = testDb();

const email = (tag: string) => `cli-${tag}-${randomUUID()}@test.flowpilot.test`;
const UUID = /^[0-9a-f-]{36}$/;

describe("npm run cli", () => {
  it("account:create prints the new id as one JSON line", async () => {
    const name = `CLI account ${randomUUID()}`;
    const run = await cli("account:create", "--name", name);
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith("\n")).toBe(true);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    expect(Object.keys(run.json!)).toEqual(["id"]);
    expect(run.json!.id).toMatch(UUID);
    expect(await db.account.findUniqueOrThrow({ where: { id: run.json!.id as string } })).toMatchObject({ name });
    expect(run.stderr).toMatch(/Created account/);
  });

  it("account:create refuses a missing --name", async () => {
    expectRefused(await cli("account:create"), /missing --name/);
  });

  it("user:create stores the email lower-case with a hashed password and the role", async () => {
    const { account } = await buildWorld(db);
    const address = email("create").toUpperCase();
    const run = await cli("user:create", "--account", account.id, "--email", address, "--password", "pilot password", "--role", "admin", "--name", "Pat Pilot");
    expect(run.code).toBe(0);
    expect(Object.keys(run.json!)).toEqual(["id"]);
    const user = await db.user.findUniqueOrThrow({ where: { id: run.json!.id as string } });
    expect(user).toMatchObject({ accountId: account.id, email: address.toLowerCase(), name: "Pat Pilot", accountRole: "admin" });
    expect(await verifyPassword("pilot password", user.passwordHash)).toBe(true);
    expect(run.stdout + run.stderr).not.toContain("pilot password");
  });

  it("user:create refuses bad input and changes nothing", async () => {
    const { account, user: existing } = await buildWorld(db);
    const fresh = email("refused");
    const base = ["--password", "pilot password", "--role", "viewer"];

    const [duplicate, unknownAccount, badRole, badUuid, missingRole] = await Promise.all([
      cli("user:create", "--account", account.id, "--email", existing.email.toUpperCase(), ...base),
      cli("user:create", "--account", randomUUID(), "--email", fresh, ...base),
      cli("user:create", "--account", account.id, "--email", fresh, "--password", "pilot password", "--role", "superuser"),
      cli("user:create", "--account", "not-a-uuid", "--email", fresh, ...base),
      cli("user:create", "--account", account.id, "--email", fresh, "--password", "pilot password"),
    ]);
    expectRefused(duplicate, /already exists/);
    expectRefused(unknownAccount, /No account with id/);
    expectRefused(badRole, /--role must be one of owner, admin, engineer, viewer/);
    expectRefused(badUuid, /--account must be an account id \(a UUID\)/);
    expectRefused(missingRole, /missing --role/);

    expect(await db.user.count({ where: { email: fresh } })).toBe(0);
    expect(await db.user.findUniqueOrThrow({ where: { id: existing.id } })).toEqual(existing);
  });

  it("user:set-role changes the role and prints it", async () => {
    const { user } = await buildWorld(db);
    const run = await cli("user:set-role", "--email", user.email.toUpperCase(), "--role", "viewer");
    expect(run.code).toBe(0);
    expect(run.json).toEqual({ id: user.id, account_role: "viewer" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).accountRole).toBe("viewer");
  });

  it("user:set-role refuses an unknown email or an invalid role and changes nothing", async () => {
    const { user } = await buildWorld(db);
    const [unknown, badRole, missing] = await Promise.all([
      cli("user:set-role", "--email", email("ghost"), "--role", "admin"),
      cli("user:set-role", "--email", user.email, "--role", "root"),
      cli("user:set-role", "--role", "admin"),
    ]);
    expectRefused(unknown, /No user with email/);
    expectRefused(badRole, /--role must be one of/);
    expectRefused(missing, /missing --email/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).accountRole).toBe("engineer");
  });

  it("apikey:create prints the token once and stores only its hash", async () => {
    const { account, user } = await buildWorld(db);
    const run = await cli("apikey:create", "--email", user.email, "--name", "PSA sync");
    expect(run.code).toBe(0);
    expect(Object.keys(run.json!)).toEqual(["id", "token"]);
    const token = run.json!.token as string;
    expect(token).toMatch(/^fp_[A-Za-z0-9_-]{43}$/);
    const key = await db.apiKey.findUniqueOrThrow({ where: { id: run.json!.id as string } });
    expect(key).toMatchObject({ userId: user.id, accountId: account.id, name: "PSA sync", keyHash: hashApiKey(token), revokedAt: null });
    expect(key.keyPrefix).toBe(token.slice(0, 11));
    expect(run.stderr).not.toContain(token);
    expect(run.stdout + run.stderr).not.toContain(key.keyHash);
  });

  it("apikey:create makes a read-only key unless --scopes widens it", async () => {
    const { user } = await buildWorld(db);
    const plain = await cli("apikey:create", "--email", user.email);
    const wide = await cli("apikey:create", "--email", user.email, "--scopes", "queue:write, analytics:read");
    expect([plain.code, wide.code]).toEqual([0, 0]);
    const scopesOf = async (run: typeof plain) =>
      (await db.apiKey.findUniqueOrThrow({ where: { id: run.json!.id as string } })).scopes;
    expect(await scopesOf(plain)).toEqual(["analytics:read"]);
    expect(await scopesOf(wide)).toEqual(["analytics:read", "queue:write"]);
    expect(wide.stderr).toMatch(/analytics:read, queue:write/);
  });

  it("apikey:create refuses an unknown email", async () => {
    const unknown = email("nobody");
    expectRefused(await cli("apikey:create", "--email", unknown), /No user with email/);
  });

  it("apikey:revoke revokes, keeps the first time on a repeat, and refuses unknown or malformed ids", async () => {
    const { user } = await buildWorld(db);
    const key = await addApiKey(db, user);

    const run = await cli("apikey:revoke", "--id", key.id);
    expect(run.code).toBe(0);
    expect(Object.keys(run.json!)).toEqual(["id", "revoked_at"]);
    expect(run.json!.id).toBe(key.id);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.revokedAt?.toISOString()).toBe(run.json!.revoked_at);

    const [again, unknown, malformed] = await Promise.all([
      cli("apikey:revoke", "--id", key.id),
      cli("apikey:revoke", "--id", randomUUID()),
      cli("apikey:revoke", "--id", "fp_abc"),
    ]);
    expect(again.code).toBe(0);
    expect(again.json).toEqual(run.json);
    expectRefused(unknown, /No API key with id/);
    expectRefused(malformed, /--id must be an API key id/);
  });

  it("names an unknown command and lists the real ones", async () => {
    const run = await cli("user:delete", "--email", "x@y.test");
    expectRefused(run, /Unknown command "user:delete"/);
    expect(run.stderr).toMatch(/account:create[\s\S]*user:create[\s\S]*user:set-role[\s\S]*apikey:create[\s\S]*apikey:revoke/);
  });
});

describe("npm run cli -- account:set", () => {
  it("sets the time zone and target, prints the account as one JSON line, and removes the target", async () => {
    const { account } = await buildWorld(db, { accountName: `Settings ${randomUUID()}` });
    const set = await cli("account:set", "--id", account.id, "--time-zone", "Europe/Berlin", "--target-seconds", "900");
    expect(set.code).toBe(0);
    expect(set.stdout.trim().split("\n")).toHaveLength(1);
    expect(set.json).toEqual({ id: account.id, name: account.name, time_zone: "Europe/Berlin", first_action_target_seconds: 900 });
    const cleared = await cli("account:set", "--id", account.id, "--no-target");
    expect(cleared.json).toMatchObject({ time_zone: "Europe/Berlin", first_action_target_seconds: null });
  }, 120_000);

  it("refuses bad input with exit 2 and changes nothing", async () => {
    const { account } = await buildWorld(db);
    expectRefused(await cli("account:set", "--id", account.id, "--time-zone", "Mars/Base"), /--time-zone must be an IANA time zone/);
    expectRefused(await cli("account:set", "--id", account.id, "--target-seconds", "0"), /--target-seconds must be a whole number of seconds, at least 1/);
    expectRefused(await cli("account:set", "--id", account.id, "--target-seconds", "60", "--no-target"), /not both/);
    expectRefused(await cli("account:set", "--id", randomUUID(), "--no-target"), /No account with id/);
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({
      timeZone: "UTC", firstActionTargetSeconds: null,
    });
  }, 240_000);
});
