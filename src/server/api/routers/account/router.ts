import { capabilityProcedure, createTRPCRouter } from "@/server/api/trpc";
import { ZAccountSettingsOutput, ZUpdateAccountSettingsInput } from "./settings.types";
import { accountSettings, updateAccountSettings } from "./settings.handler";

// The account's report settings: everyone in the account reads them, owners and admins change them.
export const accountRouter = createTRPCRouter({
  settings: capabilityProcedure("readQueue").output(ZAccountSettingsOutput).query(({ ctx }) => accountSettings(ctx.db, ctx.caller)),
  updateSettings: capabilityProcedure("manageAccount")
    .input(ZUpdateAccountSettingsInput)
    .output(ZAccountSettingsOutput)
    .mutation(({ ctx, input }) => updateAccountSettings(ctx.db, ctx.caller, input)),
});
