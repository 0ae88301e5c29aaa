import { z } from "zod";
import { ZPgText, ZPgUuid } from "@/server/api/schemas";
import { API_KEY_NAME_MAX } from "@/server/auth/api-key-store";

export const ZCreateApiKeyInput = z.object({
  name: ZPgText
    .trim()
    .min(1, "Give the key a name, such as the tool that will use it.")
    .max(API_KEY_NAME_MAX, `Use at most ${API_KEY_NAME_MAX} characters.`),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export const ZCreateApiKeyOutput = z.object({
  id: ZPgUuid,
  name: z.string(),
  prefix: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** The whole key. Returned by this call only; it is never stored or shown again. */
  token: z.string(),
});
export type TCreateApiKeyOutput = z.infer<typeof ZCreateApiKeyOutput>;
