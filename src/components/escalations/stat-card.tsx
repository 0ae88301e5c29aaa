"use client";
import Link from "next/link";
import dynamic from "next/dynamic";
import {
  METRIC_DEFINITION,
  PERIOD_WORDS,
  type Period,
  type TEscalationsResponse,
} from "@/server/api/routers/analytics/escalations.types";
import {
  describeChange, formatCount, formatDayLabel, formatDuration, formatRate, formatSecondsExact,
} from "@/lib/format";
import { InfoDisclosure } from "@/components/ui/info-disclosure";
import { Skeleton } from "@/components/ui/skeleton";
import { Button } from "@/components/ui/button";
// Only the size and the point type: a value import of ./sparkline-chart would bring recharts into the queue's first load.
import { SPARKLINE_SIZE, type SparkPoint } from "./sparkline-size";

/** How many of the window's last daily buckets the sparkline shows. */
export const SPARKLINE_DAYS = 14;

// Loaded after the first paint: the queue's own JavaScript carries no chart library.
const SparklineChart = dynamic(() => import("./sparkline-chart"), {
  ssr: false,
  loading: () => <SparklinePlaceholder />,
});

/**
 * What the card shows. The numbers come from `analytics.escalations` as they
 * are: the card formats them and never derives a statistic of its own.
 */
export type StatCardState =
  | { status: "loading" }
  | { status: "error"; message?: string; onRetry?: () => void }
  /** The caller's role may not read the metric (viewers). */
  | { status: "forbidden"; message?: string }
  | { status: "ready"; data: TEscalationsResponse };

/**
 * The sparkline's data: the last SPARKLINE_DAYS daily buckets of
 * `analytics.escalationsSeries`, oldest first, their medians as sent.
 */
export type StatCardTrend =
  | { status: "loading" }
  | { status: "error" }
  | { status: "ready"; points: SparkPoint[] };

export function StatCard({
  state,
  period,
  trend,
  analyticsHref = `/analytics/escalations?period=${period}`,
}: {
  state: StatCardState;
  period: Period;
  /** Without it, the card shows no sparkline. */
  trend?: StatCardTrend;
  analyticsHref?: string;
}) {
  const titleId = `stat-card-title-${period}`;
  // The response's own definition once it has arrived; the same text before.
  const definition = state.status === "ready" ? state.data.metric_definition : METRIC_DEFINITION;
  return (
    <section
      aria-labelledby={titleId}
      aria-busy={state.status === "loading"}
      data-testid="stat-card"
      data-state={stateName(state)}
      className="flex flex-col gap-4 rounded-xl border border-border bg-surface p-5 shadow-card"
    >
      <div className="flex flex-wrap items-start gap-x-2 gap-y-2">
        <div className="min-w-0 flex-1">
          <h2 id={titleId} className="text-sm font-semibold">
            Time to first action
          </h2>
          <p className="text-xs text-muted">Claim to first step · last {PERIOD_WORDS[period]}</p>
        </div>
        <InfoDisclosure label="What this measures">
          <p data-testid="stat-definition">{definition}</p>
        </InfoDisclosure>
      </div>

      <Body state={state} period={period} trend={trend} />

      <div className="mt-auto border-t border-border pt-3">
        <Link href={analyticsHref} className="text-sm font-medium text-accent hover:underline">
          Compare 7, 30 and 90 days <span aria-hidden="true">→</span>
        </Link>
      </div>
    </section>
  );
}

function stateName(state: StatCardState): string {
  if (state.status === "ready" && state.data.n_handoffs_claimed === 0) return "empty";
  return state.status;
}

function Body({ state, period, trend }: { state: StatCardState; period: Period; trend?: StatCardTrend }) {
  switch (state.status) {
    case "loading":
      return (
        <div className="flex flex-col gap-2">
          <span className="sr-only">Loading the metric…</span>
          <Skeleton className="h-9 w-28" />
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-4 w-24" />
        </div>
      );
    case "error":
      return (
        <div role="alert" className="flex flex-col items-start gap-2 text-sm">
          <p className="text-danger">{state.message ?? "The metric could not be loaded."}</p>
          {state.onRetry && (
            <Button variant="secondary" onClick={state.onRetry}>
              Try again
            </Button>
          )}
        </div>
      );
    case "forbidden":
      return (
        <p data-testid="stat-viewer-note" className="text-sm text-muted">
          {state.message ??
            "Response times are visible to engineers, admins and owners. Ask an admin if you need them."}
        </p>
      );
    case "ready": {
      const d = state.data;
      if (d.n_handoffs_claimed === 0) {
        return (
          <p data-testid="stat-empty" className="text-sm text-muted">
            No claimed escalations in the last {PERIOD_WORDS[period]}.
          </p>
        );
      }
      return (
        <div className="flex flex-col gap-1">
          <div className="flex flex-wrap items-end justify-between gap-x-3 gap-y-1">
            <p className="flex items-baseline gap-2">
              <span
                data-testid="stat-median"
                data-seconds={d.median_seconds_to_first_action ?? ""}
                title={formatSecondsExact(d.median_seconds_to_first_action)}
                className="tabular text-3xl font-semibold tracking-tight"
              >
                {formatDuration(d.median_seconds_to_first_action)}
              </span>
              <span className="text-sm text-muted">median</span>
            </p>
            {trend && <Sparkline trend={trend} />}
          </div>
          {d.previous && (
            <ChangeLine
              current={d.median_seconds_to_first_action}
              previous={d.previous.median_seconds_to_first_action}
              period={period}
            />
          )}
          <p data-testid="stat-counts" className="tabular text-sm">
            <span data-testid="stat-with-action" className="font-semibold">
              {formatCount(d.n_handoffs_with_action)}
            </span>{" "}
            with action /{" "}
            <span data-testid="stat-claimed" className="font-semibold">
              {formatCount(d.n_handoffs_claimed)}
            </span>{" "}
            claimed
          </p>
          <p className="tabular text-sm text-muted">
            p95{" "}
            <span
              data-testid="stat-p95"
              data-seconds={d.p95_seconds_to_first_action ?? ""}
              title={formatSecondsExact(d.p95_seconds_to_first_action)}
            >
              {formatDuration(d.p95_seconds_to_first_action)}
            </span>
          </p>
          {d.target_seconds !== null && d.n_within_target !== null && (
            <p data-testid="stat-within-target" className="tabular text-sm">
              <span className="font-semibold">{formatRate(d.n_within_target, d.n_handoffs_with_action)}</span> within the{" "}
              {formatDuration(d.target_seconds)} target{" "}
              <span className="text-muted">
                ({formatCount(d.n_within_target)} of {formatCount(d.n_handoffs_with_action)})
              </span>
            </p>
          )}
          {d.n_handoffs_with_action === 0 && (
            <p className="text-xs text-muted">No claimed escalation has an action yet.</p>
          )}
        </div>
      );
    }
  }
}

const CHANGE_STYLE = {
  better: { arrow: "↓", className: "text-success", word: "better" },
  worse: { arrow: "↑", className: "text-danger", word: "worse" },
} as const;

/** The median against the previous window of the same length; lower is better, said in words as well as colour. */
function ChangeLine({ current, previous, period }: { current: number | null; previous: number | null; period: Period }) {
  const change = describeChange(current, previous);
  const against = `the previous ${PERIOD_WORDS[period]}`;
  if (change.kind === "none") {
    return (
      <p data-testid="stat-change" data-change="none" className="text-sm text-muted">
        {previous === null ? `No median for ${against} to compare with` : `Previous ${PERIOD_WORDS[period]}: ${formatDuration(previous)}`}
      </p>
    );
  }
  if (change.kind === "same") {
    return (
      <p data-testid="stat-change" data-change="same" className="text-sm text-muted">
        <span aria-hidden="true">→ </span>Same as {against} ({formatDuration(previous)})
      </p>
    );
  }
  const style = CHANGE_STYLE[change.kind];
  return (
    <p data-testid="stat-change" data-change={change.kind} className="tabular text-sm">
      <span className={`font-semibold ${style.className}`}>
        <span aria-hidden="true">{style.arrow} </span>
        {change.percent} {change.kind === "better" ? "faster" : "slower"}
      </span>{" "}
      <span className="text-muted">
        than {against} ({formatDuration(previous)}), {style.word}
      </span>
    </p>
  );
}

function SparklinePlaceholder() {
  return <span aria-hidden="true" className="block" style={SPARKLINE_SIZE} />;
}

/** The last days' medians as a line, with the same numbers in words for screen readers. */
function Sparkline({ trend }: { trend: StatCardTrend }) {
  if (trend.status === "loading") {
    return <Skeleton className="h-8 w-[120px]" />;
  }
  if (trend.status === "error") {
    return (
      <p data-testid="stat-sparkline-error" className="text-xs text-muted">
        Daily trend unavailable
      </p>
    );
  }
  const days = trend.points.length;
  if (trend.points.every((p) => p.median_seconds === null)) {
    return (
      <p data-testid="stat-sparkline-empty" className="text-xs text-muted">
        No actions in the last {days} days
      </p>
    );
  }
  const words = trend.points
    .map((p) => `${formatDayLabel(p.label)} ${p.median_seconds === null ? "no action" : formatDuration(p.median_seconds)}`)
    .join(", ");
  return (
    <div
      role="img"
      data-testid="stat-sparkline"
      aria-label={`Daily median, last ${days} days: ${words}`}
      title={`Daily median, last ${days} days`}
      className="shrink-0"
    >
      <SparklineChart points={trend.points} />
    </div>
  );
}
