import { z } from "zod";
import { ZPgUuid } from "@/server/api/schemas";

export const ZClaimInput = z.object({ handoffId: ZPgUuid });
export type TClaimInput = z.infer<typeof ZClaimInput>;

export const ZClaimOutput = z.object({
  id: ZPgUuid,
  sessionId: ZPgUuid,
  claimedAt: z.iso.datetime(),
});
export type TClaimOutput = z.infer<typeof ZClaimOutput>;
