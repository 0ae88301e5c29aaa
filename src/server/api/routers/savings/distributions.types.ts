import { z } from "zod";

/** For the page's chart only (not REST): each side's percentiles 0…100, empty without values. */
export const ZSavingsDistributionsOutput = z.object({
  baseline: z.array(z.number()),
  in_product: z.array(z.number()),
});
export type TSavingsDistributionsOutput = z.infer<typeof ZSavingsDistributionsOutput>;
