import { authedProcedure, createTRPCRouter, roleProcedure } from "@/server/api/trpc";
import { ENGINEER_OR_ABOVE } from "@/server/auth/roles";
import { ZOpenOutput } from "./open.schema";
import { openHandoffs } from "./open.handler";
import { ZClaimInput, ZClaimOutput } from "./claim.schema";
import { claimHandoff } from "./claim.handler";
import { ZRecentOutput } from "./recent.schema";
import { recentClaims } from "./recent.handler";
import { ZSessionInput, ZSessionOutput } from "./session.schema";
import { sessionDetail } from "./session.handler";
import { ZAddNoteInput, ZAddNoteOutput } from "./add-note.schema";
import { addNote } from "./add-note.handler";

// The escalation queue: open handoffs, claiming, recent claims, session notes.
// Every role may read; engineers and above act.
export const queueRouter = createTRPCRouter({
  open: authedProcedure.output(ZOpenOutput).query(({ ctx }) => openHandoffs(ctx.db, ctx.caller.accountId)),
  recentClaims: authedProcedure.output(ZRecentOutput).query(({ ctx }) => recentClaims(ctx.db, ctx.caller)),
  claim: roleProcedure(ENGINEER_OR_ABOVE)
    .input(ZClaimInput)
    .output(ZClaimOutput)
    .mutation(({ ctx, input }) => claimHandoff(ctx.db, ctx.caller, input)),
  session: authedProcedure
    .input(ZSessionInput)
    .output(ZSessionOutput)
    .query(({ ctx, input }) => sessionDetail(ctx.db, ctx.caller, input.sessionId)),
  addNote: roleProcedure(ENGINEER_OR_ABOVE)
    .input(ZAddNoteInput)
    .output(ZAddNoteOutput)
    .mutation(({ ctx, input }) => addNote(ctx.db, ctx.caller, input)),
});
