import type { TBaselineTimingRow } from "@/server/api/routers/savings/baseline-list.types";
import { formatDuration, formatSecondsExact, formatTimestamp } from "@/lib/format";
import { Button } from "@/components/ui/button";

/** The account's baseline timings, newest first; a delete button each for admins and owners. */
export function TimingsList({
  items,
  canDelete,
  deletingId,
  onDelete,
}: {
  items: TBaselineTimingRow[];
  canDelete: boolean;
  deletingId?: string | null;
  onDelete: (item: TBaselineTimingRow) => void;
}) {
  return (
    <ul className="divide-y divide-border" data-testid="timings-list">
      {items.map((t) => (
        <li key={t.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-sm" data-testid="timing-row">
          <span className="tabular w-20 font-semibold" title={formatSecondsExact(t.seconds)}>
            {formatDuration(t.seconds)}
          </span>
          <span className="min-w-0 flex-1">
            <span className="block">{formatTimestamp(t.measured_at)}</span>
            <span className="block truncate text-xs text-muted">
              {[t.engineer_name, t.note].filter(Boolean).join(" · ") || `recorded by ${t.created_by_name ?? "a former user"}`}
            </span>
          </span>
          {canDelete ? (
            <Button
              variant="ghost"
              onClick={() => onDelete(t)}
              disabled={deletingId === t.id}
              aria-label={`Delete the timing of ${formatDuration(t.seconds)} from ${formatTimestamp(t.measured_at)}`}
            >
              {deletingId === t.id ? "Deleting…" : "Delete"}
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
