import { z } from "zod";
import { ZPgUuid } from "@/server/api/schemas";

export const ZSessionInput = z.object({ sessionId: ZPgUuid });

export const ZSessionStep = z.object({
  id: ZPgUuid,
  stepOrder: z.number().int(),
  stepType: z.string(),
  createdAt: z.iso.datetime(),
  /** A readable rendering of the step's content (free-form JSON written by other services). */
  text: z.string(),
  authorName: z.string().nullable(),
});
export type TSessionStep = z.infer<typeof ZSessionStep>;

export const ZSessionHandoff = z.object({
  id: ZPgUuid,
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

/** Steps a session view shows: the latest ones (`earlierSteps` counts the rest). */
export const SESSION_STEPS_LIMIT = 200;
/** Characters of a step's text, a summary or an author's name shown. */
export const STEP_TEXT_MAX = 2_000;

export const ZSessionOutput = z.object({
  id: ZPgUuid,
  createdAt: z.iso.datetime(),
  sessionType: z.string(),
  intakeType: z.string(),
  status: z.string(),
  confidenceTier: z.string(),
  summary: z.string().nullable(),
  /** The latest SESSION_STEPS_LIMIT steps, oldest first. */
  steps: z.array(ZSessionStep),
  /** Steps before the first one in `steps`, not sent. */
  earlierSteps: z.number().int().nonnegative(),
  handoffs: z.array(ZSessionHandoff),
  /** Whether the caller may add a note (the note rule in auth/policy.ts). */
  canAddNote: z.boolean(),
});
export type TSessionOutput = z.infer<typeof ZSessionOutput>;
