import { z } from "zod";
import { ZPgUuid } from "@/server/api/schemas";
import { API_KEY_SCOPES } from "@/server/auth/scopes";

/** One key as the management page shows it: never the token or its hash. */
export const ZApiKeySummary = z.object({
  id: ZPgUuid,
  name: z.string(),
  prefix: z.string().nullable().meta({ description: "The first characters of the token, for recognising it." }),
  scopes: z.array(z.enum(API_KEY_SCOPES)).meta({ description: "What the key may be used for." }),
  owner: z.object({ id: ZPgUuid, name: z.string(), email: z.string() }),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type TApiKeySummary = z.infer<typeof ZApiKeySummary>;
