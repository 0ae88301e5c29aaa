import { z } from "zod";

export const NOTE_MAX_LENGTH = 4_000;

export const ZAddNoteInput = z.object({
  sessionId: z.uuid(),
  text: z.string().trim().min(1, "Write something first.").max(NOTE_MAX_LENGTH),
});
export type TAddNoteInput = z.input<typeof ZAddNoteInput>;

export const ZAddNoteOutput = z.object({
  id: z.uuid(),
  stepOrder: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type TAddNoteOutput = z.infer<typeof ZAddNoteOutput>;
