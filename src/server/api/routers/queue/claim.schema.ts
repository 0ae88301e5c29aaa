import { z } from "zod";

export const ZClaimInput = z.object({ handoffId: z.uuid() });
export type TClaimInput = z.infer<typeof ZClaimInput>;

export const ZClaimOutput = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  claimedAt: z.iso.datetime(),
});
export type TClaimOutput = z.infer<typeof ZClaimOutput>;
