"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, type RouterOutputs } from "@/trpc/react";
import { StatCard, SPARKLINE_DAYS, type StatCardState, type StatCardTrend } from "@/components/escalations/stat-card";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PriorityBadge } from "@/components/ui/priority-badge";
import { QueryState } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatAge, formatCount, formatDuration } from "@/lib/format";
import { errorDetail, isForbidden, type QueryView } from "@/lib/trpc-error";
import { CARD_METRIC_INPUT, CARD_SERIES_INPUT } from "./card-inputs";

type OpenHandoff = RouterOutputs["queue"]["open"]["handoffs"][number];
type RecentClaim = RouterOutputs["queue"]["recentClaims"]["claims"][number];

export function QueueView({ canClaim, canSeeMetric }: { canClaim: boolean; canSeeMetric: boolean }) {
  const utils = api.useUtils();
  const router = useRouter();
  const open = api.queue.open.useQuery();
  const recent = api.queue.recentClaims.useQuery();
  const metric = api.analytics.escalations.useQuery(CARD_METRIC_INPUT, { enabled: canSeeMetric, retry: false });
  const series = api.analytics.escalationsSeries.useQuery(CARD_SERIES_INPUT, { enabled: canSeeMetric, retry: false });
  const [conflict, setConflict] = useState<string | null>(null);

  const claim = api.queue.claim.useMutation({
    onMutate: () => setConflict(null),
    onSuccess: async (claimed) => {
      await Promise.all([utils.queue.invalidate(), utils.analytics.escalations.invalidate(), utils.analytics.escalationsSeries.invalidate()]);
      router.push(`/sessions/${claimed.sessionId}`);
    },
    onError: async (error) => {
      setConflict(errorDetail(error));
      await utils.queue.invalidate();
    },
  });

  const cardState: StatCardState = !canSeeMetric
    ? { status: "forbidden" }
    : metric.data
      ? { status: "ready", data: metric.data }
      : metric.error
        ? isForbidden(metric.error)
          ? { status: "forbidden" }
          : { status: "error", message: errorDetail(metric.error), onRetry: () => void metric.refetch() }
        : { status: "loading" };

  // The series' last daily buckets as the server computed them; the card only draws them.
  const trend: StatCardTrend = series.data
    ? {
        status: "ready",
        points: series.data.buckets
          .slice(-SPARKLINE_DAYS)
          .map((b) => ({ label: b.label, median_seconds: b.median_seconds_to_first_action })),
      }
    : series.error
      ? { status: "error" }
      : { status: "loading" };

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Escalation queue</h1>
          <p className="text-sm text-muted">Sessions handed off by an engineer, waiting for someone to pick them up.</p>
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:grid-rows-[auto_1fr]">
        {/* First in the document so a phone shows the numbers before the list. */}
        <div className="min-w-0 lg:col-start-2 lg:row-start-1">
          <StatCard state={cardState} period={CARD_METRIC_INPUT.period} trend={trend} />
        </div>

        <section
          aria-labelledby="open-heading"
          className="flex min-w-0 flex-col gap-3 lg:col-start-1 lg:row-span-2 lg:row-start-1"
        >
          <h2 id="open-heading" className="flex items-center gap-2 text-sm font-semibold uppercase tracking-wide text-muted">
            Open handoffs
            {open.data && (
              <span data-testid="open-count" className="tabular rounded-full bg-subtle px-2 py-0.5 text-xs normal-case text-ink">
                {formatCount(open.data.total)}
              </span>
            )}
          </h2>
          <div aria-live="polite">
            {conflict && (
              <Notice tone="warning" testId="claim-conflict">
                {conflict}
              </Notice>
            )}
          </div>
          {!canClaim && (
            <Notice testId="queue-viewer-note">
              You can follow the queue; claiming a handoff needs the engineer, admin or owner role.
            </Notice>
          )}
          <OpenList
            query={open}
            canClaim={canClaim}
            claimingId={claim.isPending ? claim.variables?.handoffId : undefined}
            onClaim={(handoffId) => claim.mutate({ handoffId })}
          />
        </section>

        <section aria-labelledby="recent-heading" className="flex min-w-0 flex-col gap-3 lg:col-start-2">
          <h2 id="recent-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
            Recent claims
          </h2>
          <RecentList query={recent} />
        </section>
      </div>
    </div>
  );
}

function OpenList({
  query,
  canClaim,
  claimingId,
  onClaim,
}: {
  query: QueryView<RouterOutputs["queue"]["open"]>;
  canClaim: boolean;
  claimingId?: string;
  onClaim: (id: string) => void;
}) {
  return (
    <QueryState
      query={query}
      loading={<ListSkeleton rows={4} />}
      isEmpty={(data) => data.handoffs.length === 0}
      empty={<Notice testId="queue-empty">Nothing waiting: every handoff has been claimed.</Notice>}
      errorFallback="The queue could not be loaded."
    >
      {({ handoffs, total }) => (
        <>
          <ul className="flex flex-col divide-y divide-border overflow-hidden rounded-xl border border-border bg-surface shadow-card">
            {handoffs.map((h) => (
              <OpenRow
                key={h.id}
                handoff={h}
                canClaim={canClaim}
                claiming={claimingId === h.id}
                disabled={claimingId !== undefined}
                onClaim={() => onClaim(h.id)}
              />
            ))}
          </ul>
          {total > handoffs.length && (
            <p className="text-xs text-muted">
              Showing the newest {formatCount(handoffs.length)} of {formatCount(total)} open handoffs.
            </p>
          )}
        </>
      )}
    </QueryState>
  );
}

function OpenRow({
  handoff: h,
  canClaim,
  claiming,
  disabled,
  onClaim,
}: {
  handoff: OpenHandoff;
  canClaim: boolean;
  claiming: boolean;
  disabled: boolean;
  onClaim: () => void;
}) {
  return (
    <li data-testid="open-handoff" data-handoff-id={h.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <PriorityBadge priority={h.priority} />
          <span data-testid="handoff-intent" className="min-w-0 break-words font-medium">
            {h.intent}
          </span>
        </div>
        <p className="text-xs text-muted">
          Handed off by {h.handedOffByName} ·{" "}
          <time dateTime={h.createdAt} title={h.createdAt} data-live="">
            {formatAge(h.ageSeconds)}
          </time>
        </p>
      </div>
      {canClaim && (
        <Button onClick={onClaim} disabled={disabled} aria-label={`Claim: ${h.intent}, handed off by ${h.handedOffByName}`}>
          {claiming ? "Claiming…" : "Claim"}
        </Button>
      )}
    </li>
  );
}

function RecentList({ query }: { query: QueryView<RouterOutputs["queue"]["recentClaims"]> }) {
  return (
    <QueryState
      query={query}
      loading={<ListSkeleton rows={3} />}
      isEmpty={(data) => data.claims.length === 0}
      empty={<Notice>No handoff has been claimed yet.</Notice>}
      errorFallback="Recent claims could not be loaded."
    >
      {({ claims }) => (
        <ul className="flex flex-col divide-y divide-border overflow-hidden rounded-xl border border-border bg-surface shadow-card">
          {claims.map((c) => (
            <RecentRow key={c.id} claim={c} />
          ))}
        </ul>
      )}
    </QueryState>
  );
}

function RecentRow({ claim: c }: { claim: RecentClaim }) {
  return (
    <li data-testid="recent-claim" className="flex flex-col gap-1 px-4 py-3 text-sm">
      <div className="flex min-w-0 items-center gap-2">
        <PriorityBadge priority={c.priority} />
        <Link href={`/sessions/${c.sessionId}`} className="min-w-0 truncate font-medium hover:underline">
          {c.intent}
        </Link>
      </div>
      <p className="text-xs text-muted">
        {c.claimedByMe ? "You" : (c.claimedByName ?? "A former member")} ·{" "}
        <time dateTime={c.claimedAt} title={c.claimedAt} data-live="">
          {formatAge(c.claimAgeSeconds)}
        </time>{" "}
        ·{" "}
        {c.secondsToFirstAction === null ? (
          <span className="text-warning">awaiting first action</span>
        ) : (
          <span>acted after {formatDuration(c.secondsToFirstAction)}</span>
        )}
      </p>
    </li>
  );
}

function ListSkeleton({ rows }: { rows: number }) {
  return (
    <div aria-busy="true" className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4">
      <span className="sr-only">Loading…</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex flex-col gap-2">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-3 w-1/3" />
        </div>
      ))}
    </div>
  );
}
