"use client";
/**
 * The analytics page's container: reads the state from the URL, runs the
 * report's queries, and hands their data to props-only components. Every
 * statistic comes from the report procedures as they are.
 *
 * The URL is written with history.replaceState/pushState, which Next keeps
 * in sync with useSearchParams: the view changes without a server round
 * trip, and a copied URL reopens the same view (the server page reads the
 * same state to prefetch the headline).
 */
import { keepPreviousData, skipToken } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { api } from "@/trpc/react";
import { METRIC_DEFINITION, type TEscalationsResponse } from "@/server/api/routers/analytics/escalations.types";
import { BANDS } from "@/server/api/routers/analytics/distribution.types";
import {
  bucketOf, bucketWindow, csvHref, drillInput, PAGE_ROWS, parseReportState, reportInput, reportSearch,
  type DrillState, type ReportState, type Sort, type WindowParams,
} from "@/components/analytics/report-state";
import { Headline, HeadlineSkeleton } from "@/components/analytics/headline";
import { Panel, VIEWER_NOTE } from "@/components/analytics/panel";
import { TrendTable, trendSummary } from "@/components/analytics/trend-table";
import { DistributionList, distributionSummary, targetBandIndex } from "@/components/analytics/distribution-list";
import { BreakdownTable } from "@/components/analytics/breakdown-table";
import { CsvLink, FilterChips, HandoffList, type Chip } from "@/components/analytics/drill-down";
import { FilterSelects, WindowControls } from "@/components/analytics/window-controls";
import { Notice } from "@/components/ui/notice";
import { QueryState } from "@/components/ui/query-state";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDuration, formatTimestamp } from "@/lib/format";
import { errorDetail, isForbidden, type QueryView } from "@/lib/trpc-error";

// The chart library loads with this page only, after its first paint.
const TrendChart = dynamic(() => import("@/components/analytics/trend-chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-[280px]" />,
});
const DistributionChart = dynamic(() => import("@/components/analytics/distribution-chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-[240px]" />,
});

const OPTIONS = { placeholderData: keepPreviousData, retry: false } as const;

export function EscalationsAnalytics({ canSeeMetric }: { canSeeMetric: boolean }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const state = useMemo(() => parseReportState(searchParams), [searchParams]);

  const go = useCallback(
    (next: ReportState, how: "push" | "replace" = "replace") => {
      const url = `${pathname}?${reportSearch(next)}`;
      // No state object of our own: Next syncs useSearchParams only for calls
      // that do not carry its internal history state (it ignores its own).
      if (how === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [pathname],
  );

  const range = api.analytics.localRange.useQuery(
    canSeeMetric && state.window.kind === "range" ? { from: state.window.from, to: state.window.to } : skipToken,
    OPTIONS,
  );
  // Only an applied range has an answer (or an objection) from the server.
  const rangeError = state.window.kind === "range" ? range.error : null;
  const windowParams: WindowParams | undefined =
    state.window.kind === "period" ? { period: state.window.period } : range.data && !rangeError ? { from: range.data.from, to: range.data.to } : undefined;
  const input = windowParams && canSeeMetric ? reportInput(windowParams, state) : undefined;
  const bucket = bucketOf(state);

  const metric = api.analytics.escalations.useQuery(input ? { ...input, compare: "previous" } : skipToken, OPTIONS);
  const series = api.analytics.escalationsSeries.useQuery(input ? { ...input, bucket } : skipToken, OPTIONS);
  const distribution = api.analytics.escalationsDistribution.useQuery(input ?? skipToken, OPTIONS);
  const byEngineer = api.analytics.escalationsBreakdown.useQuery(input ? { ...input, by: "engineer" } : skipToken, OPTIONS);
  const byPriority = api.analytics.escalationsBreakdown.useQuery(input ? { ...input, by: "priority" } : skipToken, OPTIONS);
  // The filters' choices: the window's groups without the filters (the same query when none is set).
  const allEngineers = api.analytics.escalationsBreakdown.useQuery(windowParams && canSeeMetric ? { ...windowParams, by: "engineer" } : skipToken, OPTIONS);
  const allPriorities = api.analytics.escalationsBreakdown.useQuery(windowParams && canSeeMetric ? { ...windowParams, by: "priority" } : skipToken, OPTIONS);
  const engineerOptions = (allEngineers.data?.groups ?? []).flatMap((g) => (g.key === null ? [] : [{ key: g.key, label: g.label }]));
  const priorityOptions = (allPriorities.data?.groups ?? []).flatMap((g) => (g.key === null ? [] : [{ key: g.key, label: g.label }]));

  const forbidden = !canSeeMetric || isForbidden(metric.error) || isForbidden(rangeError);
  const openDrill = (drill: Omit<DrillState, "rows">) => go({ ...state, drill: { ...drill, rows: PAGE_ROWS } }, "push");
  const setSort = (by: "engineer" | "priority") => (sort: Sort) => go({ ...state, sort: { ...state.sort, [by]: sort } });

  return (
    <div className="flex min-w-0 flex-col gap-6">
      <div className="flex flex-col gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">Time to first action</h1>
          <p className="text-sm text-muted">From claiming an escalated session to the first step taken on it.</p>
        </div>
        {!forbidden && (
          <>
            <WindowControls
              window={state.window}
              bucket={bucket}
              timeZone={series.data?.time_zone ?? range.data?.time_zone}
              serverError={rangeError ? errorDetail(rangeError, "This range cannot be shown.") : null}
              // A new window drops a trend bucket picked in the old one; the drill's other filters stay.
              onPeriod={(period) => go({ ...state, window: { kind: "period", period }, bucket: undefined, drill: withoutBucket(state.drill) })}
              onRange={(from, to) => go({ ...state, window: { kind: "range", from, to }, bucket: undefined, drill: withoutBucket(state.drill) })}
              onBucket={(b) => go({ ...state, bucket: b, drill: withoutBucket(state.drill) })}
            />
            <FilterSelects
              engineers={engineerOptions}
              priorities={priorityOptions}
              engineer={state.engineer}
              priority={state.priority}
              onEngineer={(engineer) => go({ ...state, engineer })}
              onPriority={(priority) => go({ ...state, priority })}
            />
          </>
        )}
      </div>

      {forbidden ? (
        <Notice testId="analytics-viewer-note">{VIEWER_NOTE}</Notice>
      ) : rangeError ? (
        <Notice testId="analytics-range-invalid">Choose a valid range above to see the report.</Notice>
      ) : (
        <>
          <HeadlinePanel metric={metric} />
          <Panel
            id="trend"
            title="Trend"
            testId="trend-panel"
            description={`Median and p95 per ${bucket}, claimed handoffs as bars. Click a bar to list that ${bucket}'s handoffs.`}
            actions={
              <Button
                variant="secondary"
                aria-pressed={state.trendView === "table"}
                onClick={() => go({ ...state, trendView: state.trendView === "table" ? "chart" : "table" })}
                data-testid="trend-view-toggle"
              >
                {state.trendView === "table" ? "Show as chart" : "Show as table"}
              </Button>
            }
          >
            <QueryState
              query={series}
              loading={<Skeleton className="h-[280px]" />}
              errorFallback="The trend could not be loaded."
              isEmpty={(d) => d.buckets.every((b) => b.n_handoffs_claimed === 0)}
              empty={<Notice testId="trend-empty">No claimed escalations in this window, so there is no trend yet.</Notice>}
            >
              {(d) => {
                const select = (i: number) => {
                  const b = d.buckets[i]!;
                  openDrill({ bucket: { label: b.label, ...bucketWindow(b, i === d.buckets.length - 1) } });
                };
                return (
                  <figure className={`flex min-w-0 flex-col gap-2 ${series.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={series.isFetching}>
                    {state.trendView === "table" ? (
                      <TrendTable buckets={d.buckets} bucket={d.bucket} target={d.target_seconds} onSelect={select} />
                    ) : (
                      <div role="img" aria-label={trendSummary(d)}>
                        <TrendChart buckets={d.buckets} target={d.target_seconds} onSelect={select} />
                      </div>
                    )}
                    <figcaption className="text-xs text-muted" data-testid="trend-summary">
                      {trendSummary(d)}
                    </figcaption>
                  </figure>
                );
              }}
            </QueryState>
          </Panel>

          <Panel
            id="distribution"
            title="Distribution"
            testId="distribution-panel"
            description="How long handoffs with an action waited for it. Click a band to list its handoffs."
          >
            <QueryState
              query={distribution}
              loading={<Skeleton className="h-[240px]" />}
              errorFallback="The distribution could not be loaded."
              isEmpty={(d) => d.n_handoffs_with_action === 0 && d.n_handoffs_without_action === 0}
              empty={<Notice testId="distribution-empty">No claimed escalations in this window.</Notice>}
            >
              {(d) => {
                const band = (i: number) => {
                  const b = d.bands[i]!;
                  openDrill({ band: { min: b.min_seconds, max: b.max_seconds ?? undefined } });
                };
                return (
                  <figure className={`flex min-w-0 flex-col gap-3 ${distribution.isPlaceholderData ? "opacity-60" : ""}`}>
                    {d.n_handoffs_with_action > 0 && (
                      <div role="img" aria-label={distributionSummary(d)}>
                        <DistributionChart
                          bands={d.bands}
                          total={d.n_handoffs_with_action}
                          targetIndex={targetBandIndex(d.bands, d.target_seconds)}
                          onSelect={band}
                        />
                      </div>
                    )}
                    <DistributionList data={d} onBand={band} onWithout={() => openDrill({ action: "without" })} />
                    <figcaption className="sr-only">{distributionSummary(d)}</figcaption>
                  </figure>
                );
              }}
            </QueryState>
          </Panel>

          <div className="grid min-w-0 gap-6 lg:grid-cols-2">
            {(["engineer", "priority"] as const).map((by) => {
              const query = by === "engineer" ? byEngineer : byPriority;
              return (
                <Panel key={by} id={`breakdown-${by}`} title={by === "engineer" ? "By engineer" : "By priority"} testId={`breakdown-${by}-panel`}>
                  <QueryState
                    query={query}
                    loading={<Skeleton className="h-40" />}
                    errorFallback="The breakdown could not be loaded."
                    isEmpty={(d) => d.groups.length === 0}
                    empty={<Notice>No claimed escalations in this window.</Notice>}
                  >
                    {(d) => (
                      <div className={query.isPlaceholderData ? "opacity-60" : ""}>
                        <BreakdownTable
                          data={d}
                          sort={state.sort[by]}
                          onSort={setSort(by)}
                          onSelect={(g) => openDrill(by === "engineer" ? { engineer: g.key! } : { priority: g.key! })}
                        />
                      </div>
                    )}
                  </QueryState>
                </Panel>
              );
            })}
          </div>

          {state.drill && windowParams && (
            <DrillPanel
              // A new list (other filters) mounts afresh and takes focus; sorting a table or
              // loading more rows leaves the list, and the focus, where they are.
              key={JSON.stringify(drillInput(windowParams, state, state.drill))}
              state={state}
              drill={state.drill}
              windowParams={windowParams}
              bucket={bucket}
              engineerName={(id) => engineerOptions.find((o) => o.key === id)?.label}
              go={go}
            />
          )}
        </>
      )}

      <section aria-labelledby="definition-heading" className="rounded-xl border border-border bg-surface p-4 text-sm shadow-card">
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

function withoutBucket(drill: DrillState | null): DrillState | null {
  if (!drill?.bucket) return drill;
  const { bucket: _dropped, ...rest } = drill;
  return rest;
}

function HeadlinePanel({ metric }: { metric: QueryView<TEscalationsResponse> }) {
  return (
    <QueryState
      query={metric}
      loading={<HeadlineSkeleton />}
      errorFallback="The metric could not be loaded."
    >
      {(d) => (
        <section aria-label="Headline numbers" aria-busy={metric.isFetching} className="flex flex-col gap-3">
          <p className="text-xs text-muted" data-testid="metric-window">
            {formatTimestamp(d.window_start)} → {formatTimestamp(d.window_end)}
            {d.previous && <> · compared with {formatTimestamp(d.previous.window_start)} → {formatTimestamp(d.previous.window_end)}</>}
            {metric.isPlaceholderData && <span className="ml-2">Updating…</span>}
          </p>
          {d.n_handoffs_claimed === 0 ? (
            <Notice testId="analytics-empty">No claimed escalations in this window.</Notice>
          ) : (
            <Headline data={d} dimmed={metric.isPlaceholderData} />
          )}
        </section>
      )}
    </QueryState>
  );
}

function bandLabel(band: NonNullable<DrillState["band"]>): string {
  const known = BANDS.find((b) => b.min_seconds === band.min && (b.max_seconds ?? undefined) === band.max);
  if (known) return `Time to action ${known.label}`;
  return band.max === undefined ? `Time to action ≥ ${formatDuration(band.min)}` : `Time to action ${formatDuration(band.min)}–${formatDuration(band.max)}`;
}

function DrillPanel({
  state,
  drill,
  windowParams,
  bucket,
  engineerName,
  go,
}: {
  state: ReportState;
  drill: DrillState;
  windowParams: WindowParams;
  bucket: "day" | "week";
  engineerName: (id: string) => string | undefined;
  go: (next: ReportState, how?: "push" | "replace") => void;
}) {
  const filters = drillInput(windowParams, state, drill);
  const handoffs = api.analytics.escalationsHandoffs.useInfiniteQuery(
    { ...filters, limit: PAGE_ROWS },
    { getNextPageParam: (page) => page.next_cursor ?? undefined, retry: false },
  );
  const items = useMemo(() => handoffs.data?.pages.flatMap((p) => p.items) ?? [], [handoffs.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = handoffs;

  // The URL says how many rows were shown; a reopened link loads as many pages again.
  useEffect(() => {
    if (handoffs.data && items.length < drill.rows && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [handoffs.data, items.length, drill.rows, hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Opening a drill-down moves focus to it, so keyboard and screen-reader users land on the list.
  const headingRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const heading = headingRef.current?.querySelector("h2");
    heading?.scrollIntoView({ block: "start" });
    heading?.focus({ preventScroll: true });
  }, []);

  const name = (id: string) => engineerName(id) ?? items.find((h) => h.claimed_by === id)?.claimed_by_name ?? "selected engineer";
  const set = (d: DrillState) => go({ ...state, drill: d });
  const chips: Chip[] = [];
  if (drill.bucket) {
    const { bucket: _b, ...rest } = drill;
    chips.push({ id: "bucket", label: `${bucket === "week" ? "Week of" : "Day"} ${drill.bucket.label}`, onRemove: () => set(rest) });
  }
  if (drill.band) {
    const { band: _b, ...rest } = drill;
    chips.push({ id: "band", label: bandLabel(drill.band), onRemove: () => set(rest) });
  }
  if (drill.action) {
    const { action: _a, ...rest } = drill;
    chips.push({ id: "action", label: drill.action === "without" ? "No action yet" : "With action", onRemove: () => set(rest) });
  }
  const engineer = drill.engineer ?? state.engineer;
  if (engineer) {
    const { engineer: _e, ...rest } = drill;
    chips.push({
      id: "engineer",
      label: `Engineer: ${name(engineer)}`,
      onRemove: () => go({ ...state, engineer: drill.engineer ? state.engineer : undefined, drill: rest }),
    });
  }
  const priority = drill.priority ?? state.priority;
  if (priority) {
    const { priority: _p, ...rest } = drill;
    chips.push({
      id: "priority",
      label: `Priority: ${priority}`,
      onRemove: () => go({ ...state, priority: drill.priority ? state.priority : undefined, drill: rest }),
    });
  }

  return (
    <div ref={headingRef}>
      <Panel
        id="drill"
        title="Handoffs behind the numbers"
        testId="drill-panel"
        description="Newest claim first; each opens its session."
        actions={
          <div className="flex flex-wrap gap-2">
            <CsvLink href={csvHref(filters)} />
            <Button variant="ghost" onClick={() => go({ ...state, drill: null })}>
              Close
            </Button>
          </div>
        }
      >
        <FilterChips chips={chips} />
        <QueryState
          query={{ data: handoffs.data, error: handoffs.error, refetch: handoffs.refetch }}
          loading={<Skeleton className="h-40" />}
          errorFallback="The handoffs could not be loaded."
        >
          {(data) => (
            <HandoffList
              items={items}
              total={data.pages[0]?.n_total ?? 0}
              hasMore={!!hasNextPage}
              loadingMore={isFetchingNextPage}
              onLoadMore={() => go({ ...state, drill: { ...drill, rows: items.length + PAGE_ROWS } })}
            />
          )}
        </QueryState>
        {handoffs.error && handoffs.data && (
          <Notice tone="danger" action={<Button variant="secondary" onClick={() => void fetchNextPage()}>Try again</Button>}>
            {errorDetail(handoffs.error, "More handoffs could not be loaded.")}
          </Notice>
        )}
      </Panel>
    </div>
  );
}
