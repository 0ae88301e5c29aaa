import Link from "next/link";
import type { THandoffItem } from "@/server/api/routers/analytics/handoffs.types";
import { formatCount, formatDuration, formatSecondsExact, formatTimestamp } from "@/lib/format";
import { PriorityBadge } from "@/components/ui/priority-badge";
import { Button, buttonClass } from "@/components/ui/button";

export type Chip = { id: string; label: string; onRemove: () => void };

/** The drill-down's filters, each removable with its own button. */
export function FilterChips({ chips }: { chips: Chip[] }) {
  if (chips.length === 0) return <p className="text-xs text-muted">All claimed handoffs in the window.</p>;
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Filters" data-testid="drill-chips">
      {chips.map((c) => (
        <li key={c.id} data-chip={c.id} className="inline-flex max-w-full items-center gap-1 rounded-full border border-border bg-subtle py-0.5 pl-3 pr-1 text-xs">
          <span className="truncate">{c.label}</span>
          <button
            type="button"
            onClick={c.onRemove}
            aria-label={`Remove filter: ${c.label}`}
            className="inline-flex size-5 shrink-0 items-center justify-center rounded-full text-muted hover:bg-border hover:text-ink"
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The handoffs behind a figure, newest claim first; each row opens its session. */
export function HandoffList({
  items,
  total,
  hasMore,
  loadingMore,
  onLoadMore,
}: {
  items: THandoffItem[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  if (total === 0) {
    return <p className="text-sm text-muted" data-testid="drill-empty">No claimed handoffs match these filters.</p>;
  }
  return (
    <div className="flex flex-col gap-3">
      <p className="text-xs text-muted" data-testid="drill-count" aria-live="polite">
        Showing {formatCount(items.length)} of {formatCount(total)} handoffs
      </p>
      <table className="w-full table-fixed text-sm" data-testid="drill-table">
        <caption className="sr-only">Claimed handoffs, newest claim first</caption>
        <thead>
          <tr className="border-b border-border text-left text-xs text-muted">
            <th scope="col" className="w-[42%] py-2 pr-2 font-medium sm:w-auto">Claimed</th>
            <th scope="col" className="py-2 pr-2 font-medium">Engineer</th>
            <th scope="col" className="hidden py-2 pr-2 font-medium sm:table-cell">Priority</th>
            <th scope="col" className="w-[5.5rem] py-2 text-right font-medium">To action</th>
          </tr>
        </thead>
        <tbody>
          {items.map((h) => (
            <tr key={h.handoff_id} className="border-b border-border last:border-0" data-testid="drill-row" data-handoff-id={h.handoff_id}>
              <td className="py-1.5 pr-2">
                <Link href={`/sessions/${h.session_id}`} className="text-accent hover:underline" data-testid="drill-session-link">
                  {formatTimestamp(h.claimed_at)}
                </Link>
              </td>
              <td className="truncate py-1.5 pr-2" title={h.claimed_by_name ?? undefined}>
                {h.claimed_by_name ?? <span className="text-muted">Unknown user</span>}
              </td>
              <td className="hidden py-1.5 pr-2 sm:table-cell">
                {h.priority ? <PriorityBadge priority={h.priority} /> : <span className="text-muted">—</span>}
              </td>
              <td
                className="tabular py-1.5 text-right"
                data-seconds={h.seconds_to_first_action ?? ""}
                title={formatSecondsExact(h.seconds_to_first_action)}
              >
                {h.seconds_to_first_action === null ? <span className="text-muted">no action</span> : formatDuration(h.seconds_to_first_action)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hasMore && (
        <Button variant="secondary" onClick={onLoadMore} disabled={loadingMore} className="self-start">
          {loadingMore ? "Loading…" : "Load more"}
        </Button>
      )}
    </div>
  );
}

/** A plain link: the browser downloads it with the session cookie, as any REST client would with a key. */
export function CsvLink({ href }: { href: string }) {
  return (
    <a href={href} download className={buttonClass("secondary")} data-testid="drill-csv">
      Download CSV
    </a>
  );
}
