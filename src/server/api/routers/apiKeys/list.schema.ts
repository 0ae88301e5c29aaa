import { z } from "zod";
import { ZApiKeySummary } from "./api-key.schema";

export const ZListApiKeysOutput = z.object({
  keys: z.array(ZApiKeySummary),
  /** Whether the list covers the whole account (owners, admins) or only the caller's keys. */
  scope: z.enum(["account", "own"]),
});
export type TListApiKeysOutput = z.infer<typeof ZListApiKeysOutput>;
