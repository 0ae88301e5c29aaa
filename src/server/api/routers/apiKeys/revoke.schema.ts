import { z } from "zod";

export const ZRevokeApiKeyInput = z.object({ id: z.uuid() });
export type TRevokeApiKeyInput = z.infer<typeof ZRevokeApiKeyInput>;

export const ZRevokeApiKeyOutput = z.object({ id: z.uuid(), revokedAt: z.iso.datetime() });
export type TRevokeApiKeyOutput = z.infer<typeof ZRevokeApiKeyOutput>;
