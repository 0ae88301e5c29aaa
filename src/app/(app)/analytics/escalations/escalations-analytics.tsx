"use client";
import { keepPreviousData } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { api } from "@/trpc/react";
import {
  METRIC_DEFINITION,
  PERIOD_WORDS,
  PERIODS,
  type Period,
  type TEscalationsResponse,
} from "@/server/api/routers/analytics/escalations.types";
import { Notice } from "@/components/ui/notice";
import { RadioToggle } from "@/components/ui/radio-toggle";
import { QueryState } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatCount, formatDuration, formatRate, formatSecondsExact, formatTimestamp } from "@/lib/format";
import { isForbidden, type QueryView } from "@/lib/trpc-error";

const PERIOD_OPTIONS = PERIODS.map((p) => ({ value: p, label: p }));

export function EscalationsAnalytics({ initialPeriod, canSeeMetric }: { initialPeriod: Period; canSeeMetric: boolean }) {
  const pathname = usePathname();
  const [period, setPeriod] = useState<Period>(initialPeriod);
  const metric = api.analytics.escalations.useQuery(
    { period },
    // Keep the last numbers on screen (dimmed) while the next period loads.
    { enabled: canSeeMetric, placeholderData: keepPreviousData, retry: false },
  );

  const choose = (next: Period) => {
    setPeriod(next);
    // Share-able URL without a navigation: Next keeps useSearchParams in sync
    // with history.replaceState, and no server round trip or scroll happens.
    window.history.replaceState(window.history.state, "", `${pathname}?period=${next}`);
  };

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">Time to first action</h1>
          <p className="text-sm text-muted">From claiming an escalated session to the first step taken on it.</p>
        </div>
        {canSeeMetric && !isForbidden(metric.error) && (
          <RadioToggle label="Period" options={PERIOD_OPTIONS} value={period} onChange={choose} />
        )}
      </div>

      <Body metric={metric} period={period} canSeeMetric={canSeeMetric} />

      <section
        aria-labelledby="definition-heading"
        className="rounded-xl border border-border bg-surface p-4 text-sm shadow-card"
      >
        <h2 id="definition-heading" className="mb-1 font-semibold">
          What this number means
        </h2>
        <p data-testid="metric-definition" className="text-muted">
          {metric.data?.metric_definition ?? METRIC_DEFINITION}
        </p>
      </section>
    </div>
  );
}

function Body({
  metric,
  period,
  canSeeMetric,
}: {
  metric: QueryView<TEscalationsResponse>;
  period: Period;
  canSeeMetric: boolean;
}) {
  if (!canSeeMetric || isForbidden(metric.error)) {
    return (
      <Notice testId="analytics-viewer-note">
        Response times are visible to engineers, admins and owners; your role is viewer. Ask an admin if you need them.
      </Notice>
    );
  }
  const updating = metric.isPlaceholderData || metric.isFetching;
  return (
    <QueryState query={metric} loading={<TilesSkeleton />} errorFallback="The metric could not be loaded.">
      {(d) => (
        <section aria-label={`Last ${PERIOD_WORDS[period]}`} aria-busy={updating} className="flex flex-col gap-3">
          <p className="text-xs text-muted" data-testid="metric-window">
            {formatTimestamp(d.window_start)} → {formatTimestamp(d.window_end)}
            {metric.isPlaceholderData && <span className="ml-2">Updating…</span>}
          </p>
          {d.n_handoffs_claimed === 0 ? (
            <Notice testId="analytics-empty">No claimed escalations in the last {PERIOD_WORDS[period]}.</Notice>
          ) : (
            <Tiles data={d} dimmed={metric.isPlaceholderData} />
          )}
        </section>
      )}
    </QueryState>
  );
}

function Tiles({ data: d, dimmed }: { data: TEscalationsResponse; dimmed: boolean }) {
  const seconds = [
    { id: "median", label: "Median", value: d.median_seconds_to_first_action, note: "half of claims acted on faster" },
    { id: "avg", label: "Average", value: d.avg_seconds_to_first_action, note: "pulled up by slow outliers" },
    { id: "p95", label: "p95", value: d.p95_seconds_to_first_action, note: "95% acted on within this" },
  ];
  const counts = [
    { id: "claimed", label: "Claimed", value: formatCount(d.n_handoffs_claimed) },
    { id: "with-action", label: "With action", value: formatCount(d.n_handoffs_with_action) },
    { id: "action-rate", label: "Action rate", value: formatRate(d.n_handoffs_with_action, d.n_handoffs_claimed) },
  ];
  return (
    <div className={`grid grid-cols-2 gap-3 transition-opacity sm:grid-cols-3 ${dimmed ? "opacity-60" : ""}`}>
      {seconds.map((t) => (
        <Tile key={t.id} label={t.label} note={t.note}>
          <span data-testid={`metric-${t.id}`} data-seconds={t.value ?? ""} title={formatSecondsExact(t.value)}>
            {formatDuration(t.value)}
          </span>
        </Tile>
      ))}
      {counts.map((t) => (
        <Tile key={t.id} label={t.label}>
          <span data-testid={`metric-${t.id}`}>{t.value}</span>
        </Tile>
      ))}
    </div>
  );
}

function Tile({ label, note, children }: { label: string; note?: string; children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1 rounded-xl border border-border bg-surface p-4 shadow-card">
      <span className="text-xs font-medium uppercase tracking-wide text-muted">{label}</span>
      <span className="tabular text-2xl font-semibold tracking-tight">{children}</span>
      {note && <span className="text-xs text-muted">{note}</span>}
    </div>
  );
}

function TilesSkeleton() {
  return (
    <div aria-busy="true" className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      <span className="sr-only">Loading the metric…</span>
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="flex flex-col gap-2 rounded-xl border border-border bg-surface p-4">
          <Skeleton className="h-3 w-16" />
          <Skeleton className="h-7 w-20" />
        </div>
      ))}
    </div>
  );
}
