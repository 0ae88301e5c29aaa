import { z } from "zod";
import { ZPgUuid } from "@/server/api/schemas";

export const ZRevokeApiKeyInput = z.object({ id: ZPgUuid });
export type TRevokeApiKeyInput = z.infer<typeof ZRevokeApiKeyInput>;

export const ZRevokeApiKeyOutput = z.object({ id: ZPgUuid, revokedAt: z.iso.datetime() });
export type TRevokeApiKeyOutput = z.infer<typeof ZRevokeApiKeyOutput>;
