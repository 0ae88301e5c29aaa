/**
 * Procedures that forget the account filter on purpose, on the app's own
 * procedure chain: with row-level security they must still see and change
 * only the caller's rows (docs/isolation.md).
 */
import { Prisma } from "@/generated/prisma/client";
import { authedProcedure, capabilityReadProcedure, createCallerFactory, createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import type { Context } from "@/server/api/context";
import { statementsOn, type ReadStatements } from "@/server/db/statements";
import type { Db } from "@/server/db/client";
import { addHandoff, addSession, addStep, after, buildWorld, dbNow, secondsInMs, type WorldWithKey } from "./world";

/** Every table holding an account's rows, and the column naming the account. */
export const TENANT_TABLES = {
  accounts: "id",
  users: "account_id",
  ai_sessions: "account_id",
  ai_session_steps: "account_id",
  session_handoffs: "account_id",
  api_keys: "account_id",
  baseline_timings: "account_id",
  first_action_pending: "account_id",
} as const;

/**
 * An account with a row in every tenant table: an API key, a claimed handoff
 * with a first action (a step after the claim, so also a pending
 * recomputation) and a baseline timing.
 */
export async function tenantInEveryTable(db: Db, name: string): Promise<WorldWithKey> {
  const world = await buildWorld(db, { accountName: name, apiKey: true });
  const now = await dbNow(db);
  const session = await addSession(db, world);
  await addHandoff(db, { accountId: world.accountId, sessionId: session.id, handedOffBy: world.userId }, { claimedAt: now });
  await addStep(db, { accountId: world.accountId, sessionId: session.id }, after(now, secondsInMs(30)));
  await db.$executeRaw`INSERT INTO baseline_timings (account_id, measured_at, seconds, created_by)
                       VALUES (${world.accountId}::uuid, now(), 12.5, ${world.userId}::uuid)`;
  return world;
}

// Every tenant table, and the metric's view too: it must not read around the policies as its owner.
const READ_TABLES: [string, string][] = [...Object.entries(TENANT_TABLES), ["handoff_first_actions", "account_id"]];
const accountsOf = READ_TABLES.map(([table, column]) =>
  Prisma.sql`SELECT DISTINCT ${Prisma.raw(column)}::text AS account FROM ${Prisma.raw(table)} ORDER BY 1`);
const seenIn = (results: Record<string, unknown>[][]) =>
  Object.fromEntries(READ_TABLES.map(([table], i) => [table, results[i]!.map((r) => r.account as string)]));

/** The distinct accounts of every row of every tenant table (and the metric's view), read without any filter. */
export async function accountsOfAllRows(read: ReadStatements): Promise<Record<string, string[]>> {
  return seenIn(await read(accountsOf));
}

/** The server process and the settings a request's transaction runs with, and every tenant table, in one read. */
async function everything(read: ReadStatements) {
  const [session, ...tables] = await read([
    Prisma.sql`SELECT pg_backend_pid() AS pid, current_user::text AS role, current_setting('app.account_id', true) AS account`,
    ...accountsOf,
  ]);
  return { ...(session![0] as { pid: number; role: string; account: string | null }), seen: seenIn(tables) };
}

export const forgetfulRouter = createTRPCRouter({
  everything: authedProcedure.query(({ ctx }) => everything(statementsOn(ctx.db))),
  everythingAnonymously: publicProcedure.query(({ ctx }) => everything(statementsOn(ctx.db))),
  /** The same reads sent in one flight (db/statements.ts), as the metric reads. */
  everythingInOneFlight: capabilityReadProcedure("readAnalytics").query(({ ctx }) => everything(ctx.read)),
  handoffsViaPrisma: authedProcedure.query(({ ctx }) => ctx.db.sessionHandoff.findMany({ select: { accountId: true } })),
  renameEveryAccount: authedProcedure.mutation(({ ctx }) => ctx.db.account.updateMany({ data: { name: "renamed" } })),
  writeIntoAnother: authedProcedure
    .input((v) => v as { accountId: string; userId: string })
    .mutation(({ ctx, input }) => addSession(ctx.db, input)),
  writeThenFail: authedProcedure.mutation(async ({ ctx }) => {
    await ctx.db.account.update({ where: { id: ctx.caller.accountId }, data: { name: "half done" } });
    throw new Error("fails after writing");
  }),
});

const factory = createCallerFactory(forgetfulRouter);
export const callForgetful = (ctx: Context) => factory(ctx);
