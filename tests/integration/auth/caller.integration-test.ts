import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { testDb } from "../../support/db";
import { addApiKey, buildWorld } from "../../support/world";
import { resolveCaller } from "@/server/auth/caller";
import { authSecret } from "@/server/auth/secret";

const db = testDb();

/** A request carrying a next-auth session cookie for the user, as the browser sends it. */
async function sessionRequest(userId: string) {
  const jwt = await encode({ token: { sub: userId }, secret: authSecret() });
  return new Request("http://app.test/api/trpc/queue.list", { headers: { cookie: `next-auth.session-token=${jwt}` } });
}

describe("resolveCaller with a session cookie", () => {
  it("reads the role from the database on every request, so a change applies to the next one", async () => {
    const { account, user } = await buildWorld(db, { role: "admin" });
    const req = await sessionRequest(user.id);

    expect((await resolveCaller(db, req.headers)).caller).toMatchObject({ userId: user.id, accountId: account.id, role: "admin" });
    await db.user.update({ where: { id: user.id }, data: { accountRole: "viewer" } });
    expect((await resolveCaller(db, req.headers)).caller?.role).toBe("viewer");
  });

  it("stops recognising a removed user at once, though the cookie is still valid", async () => {
    const { user } = await buildWorld(db, { role: "engineer" });
    const req = await sessionRequest(user.id);
    expect((await resolveCaller(db, req.headers)).caller).not.toBeNull();
    await db.user.delete({ where: { id: user.id } });
    expect((await resolveCaller(db, req.headers)).caller).toBeNull();
  });

  it("ignores a cookie signed with another secret", async () => {
    const { user } = await buildWorld(db, { role: "owner" });
    const forged = await encode({ token: { sub: user.id }, secret: "someone-elses-secret-0123456789" });
    const req = new Request("http://app.test/", { headers: { cookie: `next-auth.session-token=${forged}` } });
    expect((await resolveCaller(db, req.headers)).caller).toBeNull();
  });
});

describe("resolveCaller with an API key", () => {
  it("acts as the key's user with their current role, and records last use", async () => {
    const { user } = await buildWorld(db, { role: "engineer" });
    const key = await addApiKey(db, user);
    const req = new Request("http://app.test/api/v1/x", { headers: { authorization: `Bearer ${key.token}` } });

    expect((await resolveCaller(db, req.headers)).caller).toMatchObject({ userId: user.id, role: "engineer", apiKeyId: key.id });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { accountRole: "viewer" } });
    expect((await resolveCaller(db, req.headers)).caller?.role).toBe("viewer");
  });

  it("never falls back to the session cookie when a bearer key is rejected", async () => {
    const { user } = await buildWorld(db, { role: "owner" });
    const { headers } = await sessionRequest(user.id);
    headers.set("authorization", "Bearer fp_not-a-real-key");
    const resolved = await resolveCaller(db, new Headers(headers));
    expect(resolved.caller).toBeNull();
    expect(resolved.authFailure).toMatch(/Invalid API key/);
  });
});
