"use client";
import Link from "next/link";
import {
  METRIC_DEFINITION,
  PERIOD_WORDS,
  type Period,
  type TEscalationsResponse,
} from "@/server/api/routers/analytics/escalations.types";
import { formatCount, formatDuration, formatSecondsExact } from "@/lib/format";
import { InfoDisclosure } from "@/components/ui/info-disclosure";
import { Skeleton } from "@/components/ui/skeleton";
import { Button } from "@/components/ui/button";

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


export function StatCard({
  state,
  period,
  analyticsHref = `/analytics/escalations?period=${period}`,
}: {
  state: StatCardState;
  period: Period;
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

      <Body state={state} period={period} />

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

function Body({ state, period }: { state: StatCardState; period: Period }) {
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
          {d.n_handoffs_with_action === 0 && (
            <p className="text-xs text-muted">No claimed escalation has an action yet.</p>
          )}
        </div>
      );
    }
  }
}
