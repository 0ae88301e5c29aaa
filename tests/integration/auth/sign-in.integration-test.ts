import { beforeEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { testDb } from "../../support/db";
import { buildWorld } from "../../support/world";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { checkCredentials } from "@/server/auth/sign-in";
import { SIGN_IN_ATTEMPTS_PER_CLIENT, SIGN_IN_ATTEMPTS_PER_EMAIL_AND_CLIENT } from "@/server/auth/rate-limit";

// The real scrypt check, counted: how many passwords were actually evaluated.
vi.mock("@/server/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/auth/password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const allEvaluations = () => vi.mocked(verifyPassword).mock.calls.length;
let evaluatedBefore = 0;
beforeEach(() => {
  evaluatedBefore = allEvaluations();
});
/** Passwords evaluated by the current test. */
const evaluations = () => allEvaluations() - evaluatedBefore;

const db = testDb();
const PASSWORD = "a long enough password";

async function userWithPassword() {
  const { user } = await buildWorld(db, { role: "engineer", email: `Sign-In-${randomUUID()}@test.flowpilot.test`.toLowerCase() });
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  return user;
}

const client = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

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

  it(`refuses an email from a client after ${SIGN_IN_ATTEMPTS_PER_EMAIL_AND_CLIENT} failures there, without checking the password`, async () => {
    const user = await userWithPassword();
    const from = client();
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_EMAIL_AND_CLIENT; i++) {
      expect(await checkCredentials(db, { email: user.email, password: `guess ${i}` }, from)).toMatchObject({ reason: "invalid" });
    }
    const locked = await checkCredentials(db, { email: user.email, password: PASSWORD }, from);
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    expect((locked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect(evaluations()).toBe(SIGN_IN_ATTEMPTS_PER_EMAIL_AND_CLIENT);
  });

  it("does not let a stranger lock the owner of a known email out", async () => {
    const user = await userWithPassword();
    const stranger = client();
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_EMAIL_AND_CLIENT * 2; i++) {
      await checkCredentials(db, { email: user.email, password: `guess ${i}` }, stranger);
    }
    expect(await checkCredentials(db, { email: user.email, password: PASSWORD }, stranger)).toMatchObject({ reason: "throttled" });
    expect(await checkCredentials(db, { email: user.email, password: PASSWORD }, client())).toMatchObject({ ok: true });
  });

  it("evaluates at most the limit of 50 parallel wrong passwords", async () => {
    const user = await userWithPassword();
    const from = client();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => checkCredentials(db, { email: user.email, password: `parallel ${i}` }, from)),
    );
    expect(evaluations()).toBeLessThanOrEqual(SIGN_IN_ATTEMPTS_PER_EMAIL_AND_CLIENT);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(evaluations());
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(50 - evaluations());
  });

  it("evaluates at most the limit of 50 parallel wrong passwords from an unknown client", async () => {
    const user = await userWithPassword();
    await Promise.all(Array.from({ length: 50 }, (_, i) => checkCredentials(db, { email: user.email, password: `p ${i}` }, null)));
    expect(evaluations()).toBeLessThanOrEqual(SIGN_IN_ATTEMPTS_PER_EMAIL_AND_CLIENT);
  });

  it("locks unknown emails the same way, so the lock reveals nothing", async () => {
    const email = `ghost-${randomUUID()}@test.flowpilot.test`;
    const from = client();
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_EMAIL_AND_CLIENT; i++) await checkCredentials(db, { email, password: "x" }, from);
    expect(await checkCredentials(db, { email, password: "x" }, from)).toMatchObject({ reason: "throttled" });
  });

  it("clears an email's failures after a successful sign-in", async () => {
    const user = await userWithPassword();
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_EMAIL_AND_CLIENT - 1; i++) await checkCredentials(db, { email: user.email, password: "x" }, null);
    expect(await checkCredentials(db, { email: user.email, password: PASSWORD }, null)).toMatchObject({ ok: true });
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_EMAIL_AND_CLIENT - 1; i++) {
      expect(await checkCredentials(db, { email: user.email, password: "x" }, null)).toMatchObject({ reason: "invalid" });
    }
  });

  it(`limits one client to ${SIGN_IN_ATTEMPTS_PER_CLIENT} failures across many emails`, async () => {
    const user = await userWithPassword();
    const from = client();
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_CLIENT; i++) {
      await checkCredentials(db, { email: `spray-${i}-${randomUUID()}@test.flowpilot.test`, password: "x" }, from);
    }
    expect(await checkCredentials(db, { email: user.email, password: PASSWORD }, from)).toMatchObject({ reason: "throttled" });
    // Another client is unaffected.
    expect(await checkCredentials(db, { email: user.email, password: PASSWORD }, client())).toMatchObject({ ok: true });
  });
});
