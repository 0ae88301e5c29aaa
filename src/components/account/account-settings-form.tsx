"use client";
/** The account's time zone and first-action target: editable by owners and admins, read-only for others. */
import { useId, useState } from "react";
import { api } from "@/trpc/react";
import { Notice } from "@/components/ui/notice";
import { Skeleton } from "@/components/ui/skeleton";
import type { TAccountSettingsOutput } from "@/server/api/routers/account/settings.types";

const inputClass = "mt-1 block w-full rounded-md border border-border bg-canvas px-3 py-2 text-base disabled:opacity-70";

export function AccountSettingsForm() {
  const settings = api.account.settings.useQuery();
  if (settings.isPending) return <Skeleton className="h-40 w-full" />;
  if (settings.isError) {
    return <Notice tone="danger">Could not load the account settings: {settings.error.message}</Notice>;
  }
  return <SettingsEditor settings={settings.data} />;
}

function SettingsEditor({ settings }: { settings: TAccountSettingsOutput }) {
  const utils = api.useUtils();
  const [timeZone, setTimeZone] = useState(settings.time_zone);
  const [target, setTarget] = useState(settings.first_action_target_seconds?.toString() ?? "");
  const [saved, setSaved] = useState(false);
  const zoneId = useId();
  const targetId = useId();
  const errorId = useId();
  const update = api.account.updateSettings.useMutation({
    onSuccess: (data) => {
      utils.account.settings.setData(undefined, data);
      setSaved(true);
    },
  });
  const canEdit = settings.can_edit;
  const error = update.error?.shape?.detail ?? update.error?.message ?? null;

  return (
    <form
      className="space-y-4 rounded-lg border border-border bg-surface p-4"
      aria-describedby={error ? errorId : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        update.mutate({
          time_zone: timeZone.trim(),
          first_action_target_seconds: target.trim() === "" ? null : Number(target),
        });
      }}
    >
      {!canEdit ? <Notice>Only owners and admins can change these settings.</Notice> : null}
      <div>
        <label htmlFor={zoneId} className="text-sm font-medium">
          Time zone (IANA name)
        </label>
        <input
          id={zoneId}
          name="time_zone"
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
          disabled={!canEdit}
          required
          placeholder="e.g. Europe/Berlin"
          autoComplete="off"
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor={targetId} className="text-sm font-medium">
          Target for time to first action (seconds; empty for none)
        </label>
        <input
          id={targetId}
          name="first_action_target_seconds"
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          disabled={!canEdit}
          placeholder="e.g. 900 for 15 minutes"
          className={inputClass}
        />
      </div>
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={update.isPending}
            aria-busy={update.isPending}
            className="rounded-md bg-accent px-4 py-2 font-medium text-accent-ink hover:opacity-90 disabled:opacity-60"
          >
            {update.isPending ? "Saving…" : "Save"}
          </button>
          <p role="status" className="text-sm text-muted">
            {saved && !update.isPending ? "Saved." : ""}
          </p>
        </div>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}
