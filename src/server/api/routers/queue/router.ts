import { capabilityProcedure, capabilityReadProcedure, createTRPCRouter } from "@/server/api/trpc";
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
// Who may read and who may act: policy.ts.
export const queueRouter = createTRPCRouter({
  // The two lists every open queue tab reads: one statement each, read in one flight.
  open: capabilityReadProcedure("readQueue").output(ZOpenOutput).query(({ ctx }) => openHandoffs(ctx.read, ctx.caller.accountId)),
  recentClaims: capabilityReadProcedure("readQueue").output(ZRecentOutput).query(({ ctx }) => recentClaims(ctx.read, ctx.caller)),
  claim: capabilityProcedure("claim")
    .input(ZClaimInput)
    .output(ZClaimOutput)
    .mutation(({ ctx, input }) => claimHandoff(ctx.db, ctx.caller, input)),
  session: capabilityProcedure("readQueue")
    .input(ZSessionInput)
    .output(ZSessionOutput)
    .query(({ ctx, input }) => sessionDetail(ctx.db, ctx.caller, input.sessionId)),
  addNote: capabilityProcedure("addNote")
    .input(ZAddNoteInput)
    .output(ZAddNoteOutput)
    .mutation(({ ctx, input }) => addNote(ctx.db, ctx.caller, input)),
});
