import { z } from "zod";

export const ZSessionInput = z.object({ sessionId: z.uuid() });

export const ZSessionStep = z.object({
  id: z.uuid(),
  stepOrder: z.number().int(),
  stepType: z.string(),
  createdAt: z.iso.datetime(),
  /** A readable rendering of the step's content (free-form JSON written by other services). */
  text: z.string(),
  authorName: z.string().nullable(),
});
export type TSessionStep = z.infer<typeof ZSessionStep>;

export const ZSessionHandoff = z.object({
  id: z.uuid(),
  intent: z.string(),
  priority: z.string(),
  createdAt: z.iso.datetime(),
  handedOffByName: z.string(),
  claimedAt: z.iso.datetime().nullable(),
  claimedByName: z.string().nullable(),
  claimedByMe: z.boolean(),
  /** Seconds from the claim to its first action; null while unclaimed or without action. */
  secondsToFirstAction: z.number().nullable(),
});
export type TSessionHandoff = z.infer<typeof ZSessionHandoff>;

export const ZSessionOutput = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  sessionType: z.string(),
  intakeType: z.string(),
  status: z.string(),
  confidenceTier: z.string(),
  summary: z.string().nullable(),
  steps: z.array(ZSessionStep),
  handoffs: z.array(ZSessionHandoff),
  /** Whether the caller may add a note (see note-policy.ts). */
  canAddNote: z.boolean(),
});
export type TSessionOutput = z.infer<typeof ZSessionOutput>;
