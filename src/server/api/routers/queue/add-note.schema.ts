import { z } from "zod";
import { ZPgText, ZPgUuid } from "@/server/api/schemas";

export const NOTE_MAX_LENGTH = 4_000;

export const ZAddNoteInput = z.object({
  sessionId: ZPgUuid,
  text: ZPgText.trim().min(1, "Write something first.").max(NOTE_MAX_LENGTH),
});
export type TAddNoteInput = z.input<typeof ZAddNoteInput>;

export const ZAddNoteOutput = z.object({
  id: ZPgUuid,
  stepOrder: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type TAddNoteOutput = z.infer<typeof ZAddNoteOutput>;
