/**
 * The one fixture builder for tests. Every test builds its own world (a new
 * account), so tests never see each other's rows: every query in the app is
 * account-scoped.
 *
 *   const world = await buildWorld(db, { role: "engineer", apiKey: true });
 *   world.trpc.analytics.escalations(...)   // as the UI calls it
 *   rest.get(path, world.token)              // as a pilot's script calls it
 *   const viewer = await addMember(world, "viewer");
 *   const [sessionId] = await insertSessions(db, world, 1);
 *   await insertHandoffs(db, [{ accountId: world.accountId, sessionId, handedOffBy: world.userId, claimedAtUs }]);
 *
 * New kinds of rows go in a file of their own beside these, re-exported here.
 */
export * from "./people";
export * from "./rows";
export * from "./clock";
