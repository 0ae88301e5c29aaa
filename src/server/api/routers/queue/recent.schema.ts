import { z } from "zod";
import { ZPgUuid } from "@/server/api/schemas";

export const ZRecentClaim = z.object({
  id: ZPgUuid,
  sessionId: ZPgUuid,
  priority: z.string(),
  intent: z.string(),
  claimedByName: z.string().nullable(),
  claimedByMe: z.boolean(),
  claimedAt: z.iso.datetime(),
  /** Seconds since the claim, by the database's clock. */
  claimAgeSeconds: z.number(),
  /** Seconds from this claim to its first action; null while there is none. */
  secondsToFirstAction: z.number().nullable(),
});
export type TRecentClaim = z.infer<typeof ZRecentClaim>;

export const ZRecentOutput = z.object({ claims: z.array(ZRecentClaim) });
export type TRecentOutput = z.infer<typeof ZRecentOutput>;

export const RECENT_LIMIT = 10;
