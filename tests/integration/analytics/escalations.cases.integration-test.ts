/**
 * The metric's defining cases, each run twice: through createCaller (as the
 * UI's tRPC calls run) and over real HTTP against the REST route with an API
 * key (as a pilot's script calls it). Rows are placed relative to the
 * database's now() and well inside or outside the windows, so the few
 * milliseconds between inserting and asking cannot change a result.
 */
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { testDb } from "../../support/db";
import { addHandoff, addSession, addStep, after, ago, buildWorld, dbNow, secondsInMs, type WorldWithKey } from "../../support/world";
import { restServerForSuite } from "../../support/rest-server";

type Actor = WorldWithKey;
type Outcome = { status: number; body: Record<string, unknown>; cause?: unknown };

const rest = restServerForSuite();

const transports = {
  createCaller: async (actor: Actor, period?: string): Promise<Outcome> => {
    try {
      const input = period === undefined ? {} : ({ period } as { period: "7d" });
      return { status: 200, body: await actor.trpc.analytics.escalations(input) };
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      return { status: -1, body: { code: error.code, detail: error.message }, cause: error.cause };
    }
  },
  http: async (actor: Actor, period?: string): Promise<Outcome> => {
    const query = period === undefined ? "" : `?period=${encodeURIComponent(period)}`;
    const res = await rest.get(`/api/v1/analytics/flowpilot/escalations${query}`, actor.token);
    return { status: res.status, body: res.body as Record<string, unknown> };
  },
};

const hour = secondsInMs(3600);
const day = 24 * hour;

/** A session of the actor's account, for handoffs and steps. */
async function session(actor: Actor) {
  const s = await addSession(testDb(), actor);
  return { accountId: actor.account.id, sessionId: s.id, handedOffBy: actor.user.id };
}

const stepOn = (s: { accountId: string; sessionId: string }) => ({ accountId: s.accountId, sessionId: s.sessionId });

describe.each(Object.keys(transports) as (keyof typeof transports)[])("escalations via %s", (via) => {
  const call = transports[via];
  const db = testDb();

  it("1. zero data: 200, nulls and the disclaimer", async () => {
    const actor = await buildWorld(db, { apiKey: true });
    const { status, body } = await call(actor);
    if (via === "http") expect(status).toBe(200);
    expect(body).toMatchObject({
      period: "30d",
      n_handoffs_claimed: 0,
      n_handoffs_with_action: 0,
      avg_seconds_to_first_action: null,
      median_seconds_to_first_action: null,
      p95_seconds_to_first_action: null,
    });
    expect(body.metric_definition).toMatch(/manual baseline/);
  });

  it("2. one handoff with its step 90 s later gives 90/90/90", async () => {
    const actor = await buildWorld(db, { apiKey: true });
    const s = await session(actor);
    const claimedAt = ago(await dbNow(db), hour);
    await addHandoff(db, s, { claimedAt });
    await addStep(db, stepOn(s), after(claimedAt, secondsInMs(90)));
    const { body } = await call(actor, "7d");
    expect(body).toMatchObject({
      period: "7d",
      n_handoffs_claimed: 1,
      n_handoffs_with_action: 1,
      avg_seconds_to_first_action: 90,
      median_seconds_to_first_action: 90,
      p95_seconds_to_first_action: 90,
    });
  });

  it("3. claimed with only a pre-claim step counts as claimed, not as with-action", async () => {
    const actor = await buildWorld(db, { apiKey: true });
    const s = await session(actor);
    const claimedAt = ago(await dbNow(db), hour);
    await addStep(db, stepOn(s), ago(claimedAt, secondsInMs(30)));
    await addHandoff(db, s, { claimedAt });
    const { body } = await call(actor);
    expect(body).toMatchObject({
      n_handoffs_claimed: 1,
      n_handoffs_with_action: 0,
      avg_seconds_to_first_action: null,
      median_seconds_to_first_action: null,
      p95_seconds_to_first_action: null,
    });
  });

  it("4. unclaimed handoffs are excluded", async () => {
    const actor = await buildWorld(db, { apiKey: true });
    const s = await session(actor);
    const now = await dbNow(db);
    await addHandoff(db, s, { claimedAt: null, createdAt: ago(now, hour) });
    await addStep(db, stepOn(s), ago(now, secondsInMs(60)));
    const { body } = await call(actor);
    expect(body).toMatchObject({ n_handoffs_claimed: 0, n_handoffs_with_action: 0, avg_seconds_to_first_action: null });
  });

  it("5. a handoff claimed 10 days ago is out of 7d and in 30d and 90d", async () => {
    const actor = await buildWorld(db, { apiKey: true });
    const s = await session(actor);
    const claimedAt = ago(await dbNow(db), 10 * day);
    await addHandoff(db, s, { claimedAt });
    await addStep(db, stepOn(s), after(claimedAt, secondsInMs(45)));
    expect((await call(actor, "7d")).body).toMatchObject({ n_handoffs_claimed: 0, avg_seconds_to_first_action: null });
    for (const period of ["30d", "90d"]) {
      expect((await call(actor, period)).body).toMatchObject({
        period,
        n_handoffs_claimed: 1,
        n_handoffs_with_action: 1,
        avg_seconds_to_first_action: 45,
      });
    }
  });

  it("6. deltas 30/60/180 give avg 90, median 60, p95 180", async () => {
    const actor = await buildWorld(db, { apiKey: true });
    const now = await dbNow(db);
    for (const [i, delta] of [30, 60, 180].entries()) {
      const s = await session(actor);
      const claimedAt = ago(now, (i + 1) * hour);
      await addHandoff(db, s, { claimedAt });
      await addStep(db, stepOn(s), after(claimedAt, secondsInMs(delta)));
      await addStep(db, stepOn(s), after(claimedAt, secondsInMs(delta + 5))); // later steps do not matter
    }
    const { body } = await call(actor);
    expect(body).toMatchObject({
      n_handoffs_claimed: 3,
      n_handoffs_with_action: 3,
      avg_seconds_to_first_action: 90,
      median_seconds_to_first_action: 60,
      p95_seconds_to_first_action: 180,
    });
  });

  it("7. another account's handoff never shows", async () => {
    const actor = await buildWorld(db, { apiKey: true });
    const other = await buildWorld(db, { role: "admin", accountName: "Other MSP" });
    const otherSession = await addSession(db, other);
    const s = { accountId: other.accountId, sessionId: otherSession.id, handedOffBy: other.userId };
    const claimedAt = ago(await dbNow(db), hour);
    await addHandoff(db, s, { claimedAt });
    await addStep(db, stepOn(s), after(claimedAt, secondsInMs(12)));
    const { body } = await call(actor, "90d");
    expect(body).toMatchObject({ n_handoffs_claimed: 0, n_handoffs_with_action: 0, avg_seconds_to_first_action: null });
  });

  it("8. a viewer gets 403 naming the roles needed", async () => {
    const viewer = await buildWorld(db, { role: "viewer", apiKey: true });
    const { status, body } = await call(viewer);
    if (via === "http") expect(status).toBe(403);
    expect(body.code).toBe("FORBIDDEN");
    expect(body.detail).toMatch(/engineer or admin/);
  });

  it("9. period=1d is invalid input (422 over REST)", async () => {
    const actor = await buildWorld(db, { apiKey: true });
    const { status, body, cause } = await call(actor, "1d");
    if (via === "http") {
      expect(status).toBe(422);
      expect(body.detail).toMatch(/period must be one of 7d, 30d, 90d/);
    } else {
      expect(body.code).toBe("BAD_REQUEST");
      expect(cause).toBeInstanceOf(ZodError);
    }
  });
});
