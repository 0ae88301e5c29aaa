import { afterEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { testDb } from "../../support/db";
import { buildWorld } from "../../support/world";
import { hashPassword } from "@/server/auth/password";
import { checkCredentials } from "@/server/auth/sign-in";
import { resetRateLimits, SIGN_IN_FAILURES_PER_CLIENT, SIGN_IN_FAILURES_PER_EMAIL } from "@/server/auth/rate-limit";

const db = testDb();
const PASSWORD = "a long enough password";

async function userWithPassword() {
  const { user } = await buildWorld(db, { role: "engineer", email: `Sign-In-${randomUUID()}@test.flowpilot.test`.toLowerCase() });
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  return user;
}

const client = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

afterEach(() => resetRateLimits());

describe("checkCredentials", () => {
  it("accepts the right password, whatever the email's case and surrounding spaces", async () => {
    const user = await userWithPassword();
    const result = await checkCredentials(db, { email: `  ${user.email.toUpperCase()} `, password: PASSWORD }, client());
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name } });
  });

  it("answers a wrong password and an unknown email identically", async () => {
    const user = await userWithPassword();
    const wrongPassword = await checkCredentials(db, { email: user.email, password: "not it" }, client());
    const unknownEmail = await checkCredentials(db, { email: `nobody-${randomUUID()}@test.flowpilot.test`, password: PASSWORD }, client());
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("treats missing fields as a wrong password", async () => {
    expect(await checkCredentials(db, { email: "", password: PASSWORD }, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(db, { email: "a@b.test", password: null }, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it(`locks an email after ${SIGN_IN_FAILURES_PER_EMAIL} failures, even for the right password, from any client`, async () => {
    const user = await userWithPassword();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_EMAIL; i++) {
      expect(await checkCredentials(db, { email: user.email, password: `guess ${i}` }, client())).toMatchObject({ reason: "invalid" });
    }
    const locked = await checkCredentials(db, { email: user.email, password: PASSWORD }, client());
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    expect((locked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("locks unknown emails the same way, so the lock reveals nothing", async () => {
    const email = `ghost-${randomUUID()}@test.flowpilot.test`;
    for (let i = 0; i < SIGN_IN_FAILURES_PER_EMAIL; i++) await checkCredentials(db, { email, password: "x" }, client());
    expect(await checkCredentials(db, { email, password: "x" }, client())).toMatchObject({ reason: "throttled" });
  });

  it("clears an email's failures after a successful sign-in", async () => {
    const user = await userWithPassword();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_EMAIL - 1; i++) await checkCredentials(db, { email: user.email, password: "x" }, null);
    expect(await checkCredentials(db, { email: user.email, password: PASSWORD }, null)).toMatchObject({ ok: true });
    for (let i = 0; i < SIGN_IN_FAILURES_PER_EMAIL - 1; i++) {
      expect(await checkCredentials(db, { email: user.email, password: "x" }, null)).toMatchObject({ reason: "invalid" });
    }
  });

  it(`limits one client to ${SIGN_IN_FAILURES_PER_CLIENT} failures across many emails`, async () => {
    const user = await userWithPassword();
    const from = client();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_CLIENT; i++) {
      await checkCredentials(db, { email: `spray-${i}-${randomUUID()}@test.flowpilot.test`, password: "x" }, from);
    }
    expect(await checkCredentials(db, { email: user.email, password: PASSWORD }, from)).toMatchObject({ reason: "throttled" });
    // Another client is unaffected.
    expect(await checkCredentials(db, { email: user.email, password: PASSWORD }, client())).toMatchObject({ ok: true });
  });
});
