"use client";
import { keepPreviousData } from "@tanstack/react-query";
import { api } from "@/trpc/react";
import type { Period } from "@/server/api/routers/analytics/escalations.types";
import { ComparisonTable } from "@/components/savings/comparison-table";
import { DifferenceInterval } from "@/components/savings/difference-interval";
import { DistributionChart } from "@/components/savings/distribution-chart";
import { minutesRecoveredSentence, verdictSentence } from "@/components/savings/verdict-sentence";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { formatTimestamp } from "@/lib/format";
import { errorDetail } from "@/lib/trpc-error";
import { useElementWidth } from "./use-element-width";
import { Panel } from "./savings-view";

export function ComparisonPanel({ period }: { period: Period }) {
  const options = { placeholderData: keepPreviousData, retry: false } as const;
  const summary = api.savings.summary.useQuery({ period }, options);
  const distributions = api.savings.distributions.useQuery({ period }, options);
  const { ref, width } = useElementWidth<HTMLDivElement>(640);

  let body: React.ReactNode;
  if (summary.error && !summary.data) {
    body = (
      <Notice tone="danger" action={<Button variant="secondary" onClick={() => void summary.refetch()}>Try again</Button>}>
        {errorDetail(summary.error, "The comparison could not be loaded.")}
      </Notice>
    );
  } else if (!summary.data) {
    body = (
      <div aria-busy="true" className="flex flex-col gap-3">
        <span className="sr-only">Loading the comparison…</span>
        <Skeleton className="h-6 w-3/4" />
        <Skeleton className="h-40" />
      </div>
    );
  } else {
    const s = summary.data;
    body = (
      <div className={`flex flex-col gap-5 transition-opacity ${summary.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={summary.isFetching}>
        <p data-testid="savings-verdict" data-verdict={s.verdict} className="text-base font-semibold">
          {verdictSentence(s)}
        </p>
        <p className="text-xs text-muted" data-testid="savings-window">
          FlowPilot window {formatTimestamp(s.window_start)} → {formatTimestamp(s.window_end)}
          {s.baseline.measured_from && s.baseline.measured_to
            ? ` · baseline measured ${formatTimestamp(s.baseline.measured_from)} → ${formatTimestamp(s.baseline.measured_to)}`
            : ""}
        </p>
        <div className="overflow-x-auto">
          <ComparisonTable summary={s} />
        </div>
        {s.ci95 && s.median_difference_seconds !== null ? (
          <DifferenceInterval difference={s.median_difference_seconds} ci95={s.ci95} />
        ) : null}
        {minutesRecoveredSentence(s) ? (
          <p className="text-sm" data-testid="minutes-recovered">
            {minutesRecoveredSentence(s)}
          </p>
        ) : null}
        <div ref={ref} className="min-w-0 overflow-hidden">
          {distributions.data ? (
            distributions.data.baseline.length + distributions.data.in_product.length > 0 ? (
              <DistributionChart
                baseline={distributions.data.baseline}
                inProduct={distributions.data.in_product}
                baselineMedian={s.baseline.median_seconds}
                inProductMedian={s.in_product.median_seconds}
                width={width}
              />
            ) : (
              <Notice testId="savings-empty">No timings and no handoffs with an action yet: nothing to draw.</Notice>
            )
          ) : distributions.error ? (
            <Notice tone="danger">{errorDetail(distributions.error, "The chart could not be loaded.")}</Notice>
          ) : (
            <Skeleton className="h-48" />
          )}
        </div>
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">How this is computed</summary>
          <p className="mt-2 text-muted" data-testid="savings-method">{s.method}</p>
          <p className="mt-2 text-muted" data-testid="savings-definition">{s.metric_definition}</p>
        </details>
      </div>
    );
  }
  return (
    <Panel title="Baseline against FlowPilot" id="comparison-heading">
      {body}
    </Panel>
  );
}
