/** Input and output of `account.settings` and `account.updateSettings`. */
import { z } from "zod";
import { MAX_TARGET_SECONDS, TARGET_RULE, TIME_ZONE_RULE } from "@/server/account/settings";

export const ZAccountSettingsOutput = z.object({
  time_zone: z.string().meta({ description: "IANA zone of the account's calendar (series buckets)." }),
  first_action_target_seconds: z.number().int().positive().nullable().meta({
    description: "Target for time to first action, in seconds; null for none.",
  }),
  can_edit: z.boolean().meta({ description: "Whether the caller may change these (owners and admins)." }),
});
export type TAccountSettingsOutput = z.infer<typeof ZAccountSettingsOutput>;

export const ZUpdateAccountSettingsInput = z
  .object({
    time_zone: z.string().trim().min(1, TIME_ZONE_RULE).max(64, TIME_ZONE_RULE).optional(),
    first_action_target_seconds: z
      .number()
      .int(TARGET_RULE)
      .min(1, TARGET_RULE)
      .max(MAX_TARGET_SECONDS, TARGET_RULE)
      .nullable()
      .optional()
      .meta({ description: "Seconds; null removes the target." }),
  })
  .refine((v) => v.time_zone !== undefined || v.first_action_target_seconds !== undefined, {
    message: "give time_zone, first_action_target_seconds or both",
  });
export type TUpdateAccountSettingsInput = z.input<typeof ZUpdateAccountSettingsInput>;

export const ZTimeZonesOutput = z.object({
  time_zones: z.array(z.string()).meta({ description: "IANA zone names the account's time zone may be set to, sorted." }),
});
export type TTimeZonesOutput = z.infer<typeof ZTimeZonesOutput>;
