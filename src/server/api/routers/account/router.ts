import { capabilityProcedure, createTRPCRouter } from "@/server/api/trpc";
import { ZAccountSettingsOutput, ZTimeZonesOutput, ZUpdateAccountSettingsInput } from "./settings.types";
import { selectableTimeZones } from "@/server/db/time-zones";
import { statementsOn } from "@/server/db/statements";
import { accountSettings, updateAccountSettings } from "./settings.handler";

// The account's report settings: everyone in the account reads them, owners and admins change them.
export const accountRouter = createTRPCRouter({
  settings: capabilityProcedure("readQueue").output(ZAccountSettingsOutput).query(({ ctx }) => accountSettings(ctx.db, ctx.caller)),
  /** The settings form's time zone choices: PostgreSQL's own names, the ones updateSettings accepts. */
  timeZones: capabilityProcedure("manageAccount")
    .output(ZTimeZonesOutput)
    .query(async ({ ctx }) => ({ time_zones: await selectableTimeZones(statementsOn(ctx.db)) })),
  updateSettings: capabilityProcedure("manageAccount")
    .input(ZUpdateAccountSettingsInput)
    .output(ZAccountSettingsOutput)
    .mutation(({ ctx, input }) => updateAccountSettings(ctx.db, ctx.caller, input)),
});
