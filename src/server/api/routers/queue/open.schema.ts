import { z } from "zod";
import { ZPgUuid } from "@/server/api/schemas";

export const ZOpenHandoff = z.object({
  id: ZPgUuid,
  sessionId: ZPgUuid,
  priority: z.string(),
  intent: z.string(),
  handedOffByName: z.string(),
  createdAt: z.iso.datetime(),
  /** Seconds since the handoff, by the database's clock (browsers' clocks drift). */
  ageSeconds: z.number(),
});
export type TOpenHandoff = z.infer<typeof ZOpenHandoff>;

export const ZOpenOutput = z.object({
  handoffs: z.array(ZOpenHandoff),
  /** All open handoffs of the account; `handoffs` holds at most OPEN_LIMIT of them. */
  total: z.number().int().nonnegative(),
});
export type TOpenOutput = z.infer<typeof ZOpenOutput>;

export const OPEN_LIMIT = 50;
