import type { Db } from "@/server/db/client";
import type { Caller } from "@/server/auth/roles";
import { can } from "@/server/auth/policy";
import { invalidInput } from "@/server/api/invalid-input";
import { changeAccountSettings, InvalidSettingError, readAccountSettings } from "@/server/account/settings";
import type { TAccountSettingsOutput, TUpdateAccountSettingsInput } from "./settings.types";

export const canEditSettings = (caller: Caller) => can(caller, "manageAccount");

export async function accountSettings(db: Db, caller: Caller): Promise<TAccountSettingsOutput> {
  return { ...(await readAccountSettings(db, caller.accountId)), can_edit: canEditSettings(caller) };
}

export async function updateAccountSettings(
  db: Db, caller: Caller, input: TUpdateAccountSettingsInput,
): Promise<TAccountSettingsOutput> {
  try {
    const account = await changeAccountSettings(db, caller.accountId, {
      timeZone: input.time_zone,
      targetSeconds: input.first_action_target_seconds,
    });
    return { time_zone: account.time_zone, first_action_target_seconds: account.first_action_target_seconds, can_edit: true };
  } catch (error) {
    if (error instanceof InvalidSettingError) throw invalidInput(error.field, error.message);
    throw error;
  }
}
