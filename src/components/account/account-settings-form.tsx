"use client";
/**
 * The account's time zone and first-action target: a form for owners and
 * admins, the same values as plain text for everyone else.
 */
import { useId, useState } from "react";
import { api } from "@/trpc/react";
import { Button } from "@/components/ui/button";
import { QueryState } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { TextInput, textInputClass } from "@/components/ui/text-input";
import { formatDuration } from "@/lib/format";
import { errorDetail } from "@/lib/trpc-error";
import type { TAccountSettingsOutput } from "@/server/api/routers/account/settings.types";
import { FormError } from "@/components/ui/form-error";

export function AccountSettingsForm() {
  const settings = api.account.settings.useQuery();
  return (
    <QueryState
      query={settings}
      loading={<SettingsSkeleton />}
      errorFallback="The account settings could not be loaded."
    >
      {(data) => (data.can_edit ? <SettingsEditor settings={data} /> : <SettingsReadOnly settings={data} />)}
    </QueryState>
  );
}

function SettingsSkeleton() {
  return (
    <div aria-busy="true" className="rounded-lg border border-border bg-surface p-4">
      <span className="sr-only">Loading the account settings…</span>
      <Skeleton className="h-32 w-full" />
    </div>
  );
}

function targetWords(seconds: number | null): string {
  return seconds === null ? "No target" : `${formatDuration(seconds)} (${seconds.toLocaleString("en-US")} seconds)`;
}

/** What engineers and viewers see: the values, and who can change them. */
export function SettingsReadOnly({ settings }: { settings: TAccountSettingsOutput }) {
  return (
    <section
      aria-label="Account settings"
      data-testid="account-settings-readonly"
      className="space-y-4 rounded-lg border border-border bg-surface p-4"
    >
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
        <dt className="text-sm font-medium">Time zone</dt>
        <dd data-testid="setting-time-zone" className="text-sm">
          {settings.time_zone}
        </dd>
        <dt className="text-sm font-medium">Target for time to first action</dt>
        <dd data-testid="setting-target" className="text-sm">
          {targetWords(settings.first_action_target_seconds)}
        </dd>
      </dl>
      <p className="text-sm text-muted">Only owners and admins can change these settings.</p>
    </section>
  );
}

function SettingsEditor({ settings }: { settings: TAccountSettingsOutput }) {
  const utils = api.useUtils();
  const zones = api.account.timeZones.useQuery(undefined, { staleTime: Infinity });
  const update = api.account.updateSettings.useMutation({
    onSuccess: (data) => {
      utils.account.settings.setData(undefined, data);
      // Every report number depends on the target and the calendar's zone.
      void utils.analytics.invalidate();
    },
  });
  return (
    <SettingsEditorView
      settings={settings}
      timeZones={zones.data?.time_zones}
      timeZonesFailed={zones.isError}
      saving={update.isPending}
      saved={update.isSuccess}
      error={update.error ? errorDetail(update.error) : null}
      onEdit={() => update.reset()}
      onSave={(values) => update.mutate(values)}
    />
  );
}

export type SettingsValues = { time_zone: string; first_action_target_seconds: number | null };

/** The owners' and admins' form, props only: the container above wires it to tRPC. */
export function SettingsEditorView({
  settings,
  timeZones,
  timeZonesFailed,
  saving,
  saved,
  error,
  onEdit,
  onSave,
}: {
  settings: TAccountSettingsOutput;
  /** undefined while the list loads */
  timeZones: string[] | undefined;
  timeZonesFailed: boolean;
  saving: boolean;
  saved: boolean;
  error: string | null;
  onEdit: () => void;
  onSave: (values: SettingsValues) => void;
}) {
  const [timeZone, setTimeZone] = useState(settings.time_zone);
  const [target, setTarget] = useState(settings.first_action_target_seconds?.toString() ?? "");
  const zoneId = useId();
  const targetId = useId();
  const targetHintId = useId();
  const errorId = useId();
  // The current value stays selectable even when it is an alias the list leaves out (set through the CLI).
  const options = timeZones ? (timeZones.includes(timeZone) ? timeZones : [timeZone, ...timeZones]) : [timeZone];
  const targetNumber = /^\d+$/.test(target.trim()) ? Number(target.trim()) : null;

  return (
    <form
      data-testid="account-settings-form"
      aria-label="Account settings"
      className="space-y-4 rounded-lg border border-border bg-surface p-4"
      aria-describedby={error ? errorId : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ time_zone: timeZone, first_action_target_seconds: target.trim() === "" ? null : Number(target) });
      }}
    >
      <div>
        <label htmlFor={zoneId} className="text-sm font-medium">
          Time zone
        </label>
        <select
          id={zoneId}
          name="time_zone"
          value={timeZone}
          onChange={(e) => {
            setTimeZone(e.target.value);
            onEdit();
          }}
          aria-busy={timeZones === undefined && !timeZonesFailed}
          className={`mt-1 ${textInputClass}`}
        >
          {options.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        {timeZonesFailed && (
          <p className="mt-1 text-sm text-danger">The list of time zones could not be loaded; the current one is kept.</p>
        )}
      </div>
      <div>
        <label htmlFor={targetId} className="text-sm font-medium">
          Target for time to first action, in seconds
        </label>
        <TextInput
          id={targetId}
          name="first_action_target_seconds"
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          value={target}
          onChange={(e) => {
            setTarget(e.target.value);
            onEdit();
          }}
          aria-describedby={targetHintId}
          placeholder="e.g. 900"
          className="mt-1"
        />
        <p id={targetHintId} data-testid="target-hint" className="mt-1 text-sm text-muted">
          {target.trim() === ""
            ? "Empty: no target."
            : targetNumber !== null && targetNumber > 0
              ? `That is ${formatDuration(targetNumber)}.`
              : "A whole number of seconds, at least 1."}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={saving} aria-busy={saving}>
          {saving ? "Saving…" : "Save"}
        </Button>
        <p role="status" className="text-sm text-muted">
          {saved && !saving ? "Saved." : ""}
        </p>
      </div>
      <FormError id={errorId}>{error}</FormError>
    </form>
  );
}
