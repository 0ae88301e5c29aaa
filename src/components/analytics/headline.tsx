import type { TEscalationsResponse } from "@/server/api/routers/analytics/escalations.types";
import { formatCount, formatDuration, formatRate, formatSecondsExact } from "@/lib/format";
import { Skeleton } from "@/components/ui/skeleton";
import { Change } from "./change";

/**
 * The window's numbers as the API states them (with `compare=previous`):
 * median, p95 and average with their change against the previous window,
 * the counts, and within-target when the account has a target. Props only.
 */
export function Headline({ data: d, dimmed = false }: { data: TEscalationsResponse; dimmed?: boolean }) {
  const prev = d.previous;
  const seconds = [
    { id: "median", label: "Median", value: d.median_seconds_to_first_action, before: prev?.median_seconds_to_first_action },
    { id: "p95", label: "p95", value: d.p95_seconds_to_first_action, before: prev?.p95_seconds_to_first_action },
    { id: "avg", label: "Average", value: d.avg_seconds_to_first_action, before: prev?.avg_seconds_to_first_action },
  ];
  return (
    <div
      data-testid="headline"
      className={`grid grid-cols-2 gap-3 transition-opacity sm:grid-cols-3 lg:grid-cols-4 ${dimmed ? "opacity-60" : ""}`}
    >
      {seconds.map((t) => (
        <Tile key={t.id} label={t.label}>
          <span className="tabular text-2xl font-semibold tracking-tight" data-testid={`metric-${t.id}`} data-seconds={t.value ?? ""} title={formatSecondsExact(t.value)}>
            {formatDuration(t.value)}
          </span>
          <Change current={t.value} previous={t.before} testId={`change-${t.id}`} />
        </Tile>
      ))}
      <Tile label="Claimed">
        <span className="tabular text-2xl font-semibold tracking-tight" data-testid="metric-claimed">
          {formatCount(d.n_handoffs_claimed)}
        </span>
        {prev && <span className="text-xs text-muted">{formatCount(prev.n_handoffs_claimed)} in the previous period</span>}
      </Tile>
      <Tile label="With action">
        <span className="tabular text-2xl font-semibold tracking-tight" data-testid="metric-with-action">
          {formatCount(d.n_handoffs_with_action)}
        </span>
      </Tile>
      <Tile label="Action rate">
        <span className="tabular text-2xl font-semibold tracking-tight" data-testid="metric-action-rate">
          {formatRate(d.n_handoffs_with_action, d.n_handoffs_claimed)}
        </span>
        <span className="text-xs text-muted">of claimed handoffs</span>
      </Tile>
      {d.target_seconds !== null && d.n_within_target !== null && (
        <Tile label={`Within ${formatDuration(d.target_seconds)} target`}>
          <span className="tabular text-2xl font-semibold tracking-tight" data-testid="metric-within-target">
            {formatRate(d.n_within_target, d.n_handoffs_with_action)}
          </span>
          <span className="text-xs text-muted" data-testid="metric-within-target-count">
            {formatCount(d.n_within_target)} of {formatCount(d.n_handoffs_with_action)} with action
          </span>
        </Tile>
      )}
    </div>
  );
}

function Tile({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1 rounded-xl border border-border bg-surface p-4 shadow-card">
      <span className="text-xs font-medium uppercase tracking-wide text-muted">{label}</span>
      {children}
    </div>
  );
}

export function HeadlineSkeleton() {
  return (
    <div aria-busy="true" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      <span className="sr-only">Loading the numbers…</span>
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="flex flex-col gap-2 rounded-xl border border-border bg-surface p-4">
          <Skeleton className="h-3 w-16" />
          <Skeleton className="h-7 w-20" />
        </div>
      ))}
    </div>
  );
}
