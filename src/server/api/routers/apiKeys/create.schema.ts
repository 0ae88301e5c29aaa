import { z } from "zod";
import { ZPgText, ZPgUuid } from "@/server/api/schemas";
import { API_KEY_NAME_MAX } from "@/server/auth/api-key-store";
import { API_KEY_SCOPES, DEFAULT_API_KEY_SCOPES } from "@/server/auth/scopes";

export const ZCreateApiKeyInput = z.object({
  name: ZPgText
    .trim()
    .min(1, "Give the key a name, such as the tool that will use it.")
    .max(API_KEY_NAME_MAX, `Use at most ${API_KEY_NAME_MAX} characters.`),
  /** What the key may do; read-only analytics unless wider scopes are asked for here. */
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1, "Choose at least one scope.")
    .default([...DEFAULT_API_KEY_SCOPES]),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export const ZCreateApiKeyOutput = z.object({
  id: ZPgUuid,
  name: z.string(),
  prefix: z.string().nullable(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  createdAt: z.iso.datetime(),
  /** The whole key. Returned by this call only; it is never stored or shown again. */
  token: z.string(),
});
export type TCreateApiKeyOutput = z.infer<typeof ZCreateApiKeyOutput>;
