import { z } from "zod";

export const ZBaselineDeleteInput = z.object({ id: z.uuid().meta({ description: "The timing's id." }) });
export type TBaselineDeleteInput = z.infer<typeof ZBaselineDeleteInput>;

/** 204 No Content on REST. */
export const ZBaselineDeleteOutput = z.void();
