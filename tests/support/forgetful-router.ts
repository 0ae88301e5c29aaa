/**
 * Procedures that forget the account filter on purpose, on the app's own
 * procedure chain: with row-level security they must still see and change
 * only the caller's rows (docs/isolation.md).
 */
import { Prisma } from "@/generated/prisma/client";
import { authedProcedure, createCallerFactory, createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import type { Context } from "@/server/api/context";
import type { Db } from "@/server/db/client";
import { addSession } from "./world";

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

/** The distinct accounts of every row of every tenant table (and the metric's view), read without any filter. */
export async function accountsOfAllRows(q: Db): Promise<Record<string, string[]>> {
  const seen: Record<string, string[]> = {};
  for (const [table, column] of Object.entries(TENANT_TABLES)) {
    const rows = await q.$queryRaw<{ account: string }[]>(
      Prisma.sql`SELECT DISTINCT ${Prisma.raw(column)}::text AS account FROM ${Prisma.raw(table)}`,
    );
    seen[table] = rows.map((r) => r.account).sort();
  }
  // The metric's view, too: it must not read around the policies as its owner.
  const viaView = await q.$queryRaw<{ account: string }[]>`SELECT DISTINCT account_id::text AS account FROM handoff_first_actions`;
  seen.handoff_first_actions = viaView.map((r) => r.account);
  return seen;
}

/** The server process and the settings a request's transaction runs with. */
async function session(q: Db) {
  const [row] = await q.$queryRaw<{ pid: number; role: string; account: string | null }[]>`
    SELECT pg_backend_pid() AS pid, current_user::text AS role, current_setting('app.account_id', true) AS account`;
  return row!;
}

export const forgetfulRouter = createTRPCRouter({
  everything: authedProcedure.query(async ({ ctx }) => ({ ...(await session(ctx.db)), seen: await accountsOfAllRows(ctx.db) })),
  everythingAnonymously: publicProcedure.query(async ({ ctx }) => ({ ...(await session(ctx.db)), seen: await accountsOfAllRows(ctx.db) })),
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
