import { z } from "zod";
import { MAX_CSV_BYTES } from "@/server/savings/csv";

export const ZBaselineImportInput = z.object({
  csv: z.string().max(MAX_CSV_BYTES, `the file may be at most ${MAX_CSV_BYTES / 1024 / 1024} MB`),
});
export type TBaselineImportInput = z.infer<typeof ZBaselineImportInput>;

/** Either every timing was written, or none, with every bad line (header = line 1) and why. */
export const ZBaselineImportOutput = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), inserted: z.number().int().positive() }),
  z.object({ ok: z.literal(false), errors: z.array(z.object({ line: z.number().int().positive(), reason: z.string() })) }),
]);
export type TBaselineImportOutput = z.infer<typeof ZBaselineImportOutput>;
