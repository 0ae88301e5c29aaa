/**
 * The account's report settings, read and changed in one place for the app
 * (account.settings / account.updateSettings) and the CLI (account:set).
 */
import type { Db } from "@/server/db/client";
import { isKnownTimeZone } from "@/server/db/time-zones";
import { statementsOn } from "@/server/db/statements";

export type AccountSettings = { time_zone: string; first_action_target_seconds: number | null };
export type AccountSettingsChange = { timeZone?: string; targetSeconds?: number | null };

/** A setting that cannot be stored; `field` names it as the API does. */
export class InvalidSettingError extends Error {
  constructor(readonly field: "time_zone" | "first_action_target_seconds", message: string) {
    super(message);
  }
}

export const TIME_ZONE_RULE = "must be an IANA time zone name this server knows, e.g. Europe/Berlin";
export const TARGET_RULE = "must be a whole number of seconds, at least 1";
export const MAX_TARGET_SECONDS = 2_147_483_647;

const select = { id: true, name: true, timeZone: true, firstActionTargetSeconds: true } as const;

export async function readAccountSettings(db: Db, accountId: string): Promise<AccountSettings> {
  const account = await db.account.findUniqueOrThrow({ where: { id: accountId }, select });
  return { time_zone: account.timeZone, first_action_target_seconds: account.firstActionTargetSeconds };
}

/** Checks, then stores; returns the account as stored. Nothing is written if a value is invalid. */
export async function changeAccountSettings(db: Db, accountId: string, change: AccountSettingsChange) {
  if (change.timeZone !== undefined && !(await isKnownTimeZone(statementsOn(db), change.timeZone))) {
    throw new InvalidSettingError("time_zone", TIME_ZONE_RULE);
  }
  const target = change.targetSeconds;
  if (target != null && (!Number.isInteger(target) || target < 1 || target > MAX_TARGET_SECONDS)) {
    throw new InvalidSettingError("first_action_target_seconds", TARGET_RULE);
  }
  const account = await db.account.update({
    where: { id: accountId },
    data: {
      ...(change.timeZone !== undefined ? { timeZone: change.timeZone } : {}),
      ...(target !== undefined ? { firstActionTargetSeconds: target } : {}),
    },
    select,
  });
  return {
    id: account.id,
    name: account.name,
    time_zone: account.timeZone,
    first_action_target_seconds: account.firstActionTargetSeconds,
  };
}
