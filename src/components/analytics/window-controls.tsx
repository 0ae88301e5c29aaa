"use client";
import { useId, useState } from "react";
import { PERIODS, type Period } from "@/server/api/routers/analytics/period.types";
import { MAX_WINDOW_DAYS } from "@/server/api/routers/analytics/window.types";
import { RadioToggle } from "@/components/ui/radio-toggle";
import { Button } from "@/components/ui/button";
import { LabelledInput } from "@/components/ui/text-input";
import { rangeDays, type Bucket, type ReportWindow } from "./report-state";

type WindowChoice = Period | "custom";
const WINDOW_OPTIONS = [...PERIODS.map((p) => ({ value: p as WindowChoice, label: p })), { value: "custom" as WindowChoice, label: "Custom" }];
const BUCKET_OPTIONS = [
  { value: "day" as Bucket, label: "Day" },
  { value: "week" as Bucket, label: "Week" },
];

/** What is wrong with a range before asking the server (which also checks "not after today"). */
export function rangeProblem(from: string, to: string): string | null {
  if (!from || !to) return "Give both the first and the last day.";
  if (from > to) return "The first day must not be after the last day.";
  if (rangeDays(from, to) > MAX_WINDOW_DAYS) return `The range may be at most ${MAX_WINDOW_DAYS} days long.`;
  return null;
}

/**
 * The window: 7d / 30d / 90d, or a custom range of two dates read in the
 * account's time zone, and the trend's bucket. `serverError` is the
 * server's answer about an applied range (for example a day after today).
 */
export function WindowControls({
  window,
  bucket,
  timeZone,
  serverError,
  onPeriod,
  onRange,
  onBucket,
}: {
  window: ReportWindow;
  bucket: Bucket;
  timeZone: string | undefined;
  serverError: string | null;
  onPeriod: (period: Period) => void;
  onRange: (from: string, to: string) => void;
  onBucket: (bucket: Bucket) => void;
}) {
  const [customOpen, setCustomOpen] = useState(false);
  const choice: WindowChoice = window.kind === "range" || customOpen ? "custom" : window.period;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <RadioToggle
          label="Window"
          options={WINDOW_OPTIONS}
          value={choice}
          onChange={(v) => {
            if (v === "custom") setCustomOpen(true);
            else {
              setCustomOpen(false);
              onPeriod(v);
            }
          }}
        />
        <RadioToggle label="Bucket" options={BUCKET_OPTIONS} value={bucket} onChange={onBucket} />
      </div>
      {choice === "custom" && (
        <RangeForm
          key={window.kind === "range" ? `${window.from}/${window.to}` : "new"}
          initial={window.kind === "range" ? window : undefined}
          timeZone={timeZone}
          serverError={window.kind === "range" ? serverError : null}
          onApply={onRange}
        />
      )}
    </div>
  );
}

function RangeForm({
  initial,
  timeZone,
  serverError,
  onApply,
}: {
  initial?: { from: string; to: string };
  timeZone: string | undefined;
  serverError: string | null;
  onApply: (from: string, to: string) => void;
}) {
  const [from, setFrom] = useState(initial?.from ?? "");
  const [to, setTo] = useState(initial?.to ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const errorId = useId();
  const message = problem ?? serverError;
  return (
    <form
      noValidate
      data-testid="range-form"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3"
      onSubmit={(e) => {
        e.preventDefault();
        const p = rangeProblem(from, to);
        setProblem(p);
        if (!p) onApply(from, to);
      }}
    >
      {[
        { label: "First day", name: "from", value: from, set: setFrom },
        { label: "Last day", name: "to", value: to, set: setTo },
      ].map((day) => (
        <LabelledInput
          key={day.name}
          label={day.label}
          type="date"
          name={day.name}
          value={day.value}
          onChange={(e) => day.set(e.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? errorId : undefined}
        />
      ))}
      <Button type="submit">Apply</Button>
      <p className="basis-full text-xs text-muted">
        Whole days{timeZone ? ` in ${timeZone}` : " in the account's time zone"}, both included; a range ending today ends now.
      </p>
      {message && (
        <p id={errorId} role="alert" data-testid="range-error" className="basis-full text-sm text-danger">
          {message}
        </p>
      )}
    </form>
  );
}

/** The page's filters: one engineer, one priority; options come from the window's breakdowns. */
export function FilterSelects({
  engineers,
  priorities,
  engineer,
  priority,
  onEngineer,
  onPriority,
}: {
  engineers: { key: string; label: string }[];
  priorities: { key: string; label: string }[];
  engineer: string | undefined;
  priority: string | undefined;
  onEngineer: (id: string | undefined) => void;
  onPriority: (priority: string | undefined) => void;
}) {
  // A filter from a link whose value is not among this window's options still shows as chosen.
  const withCurrent = (options: { key: string; label: string }[], current: string | undefined, fallback: string) =>
    current && !options.some((o) => o.key === current) ? [...options, { key: current, label: fallback }] : options;
  const select = "min-w-0 max-w-full rounded-md border border-border bg-surface px-2 py-1.5 text-sm text-ink";
  return (
    <div className="flex flex-wrap gap-3">
      <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-muted">
        Engineer
        <select className={select} value={engineer ?? ""} onChange={(e) => onEngineer(e.target.value || undefined)} data-testid="filter-engineer">
          <option value="">All engineers</option>
          {withCurrent(engineers, engineer, "Selected engineer").map((o) => (
            <option key={o.key} value={o.key}>{o.label}</option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-muted">
        Priority
        <select className={select} value={priority ?? ""} onChange={(e) => onPriority(e.target.value || undefined)} data-testid="filter-priority">
          <option value="">All priorities</option>
          {withCurrent(priorities, priority, priority ?? "").map((o) => (
            <option key={o.key} value={o.key}>{o.label}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
