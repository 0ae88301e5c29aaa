import type { TDistributionOutput } from "@/server/api/routers/analytics/distribution.types";
import { formatCount, formatDuration, formatRate } from "@/lib/format";

type Band = TDistributionOutput["bands"][number];

/** The band whose range holds the target (deltas ≤ target fall in it or below it); null without a target. */
export function targetBandIndex(bands: Band[], target: number | null): number | null {
  if (target === null) return null;
  const i = bands.findIndex((b) => b.min_seconds <= target && (b.max_seconds === null || target < b.max_seconds));
  return i === -1 ? null : i;
}

/**
 * The distribution as a list of buttons, one per band plus "no action yet"
 * apart: the chart's text twin and its keyboard path to the drill-down.
 */
export function DistributionList({
  data,
  onBand,
  onWithout,
}: {
  data: TDistributionOutput;
  onBand: (index: number) => void;
  onWithout: () => void;
}) {
  const target = targetBandIndex(data.bands, data.target_seconds);
  return (
    <div className="flex flex-col gap-3">
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3" data-testid="distribution-bands">
        {data.bands.map((b, i) => (
          <li key={b.label}>
            <button
              type="button"
              onClick={() => onBand(i)}
              data-target-band={i === target ? "true" : undefined}
              className={`flex w-full flex-col rounded-lg border px-3 py-2 text-left text-sm hover:bg-subtle ${
                i === target ? "border-success" : "border-border"
              }`}
            >
              <span className="font-medium">
                {b.label}
                {i === target && data.target_seconds !== null && (
                  <span className="ml-1 text-xs font-normal text-success">· target {formatDuration(data.target_seconds)}</span>
                )}
              </span>
              <span className="tabular text-muted">
                {formatCount(b.count)} · {formatRate(b.count, data.n_handoffs_with_action)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={onWithout}
        data-testid="distribution-without-action"
        className="flex flex-wrap items-baseline justify-between gap-2 rounded-lg border border-dashed border-border px-3 py-2 text-left text-sm hover:bg-subtle"
      >
        <span className="font-medium">No action yet</span>
        <span className="tabular text-muted">
          {formatCount(data.n_handoffs_without_action)} claimed handoffs, not in the bands above
        </span>
      </button>
    </div>
  );
}

export function distributionSummary(data: TDistributionOutput): string {
  const target = targetBandIndex(data.bands, data.target_seconds);
  return (
    `Handoffs with action by time to first action: ` +
    data.bands.map((b) => `${b.label} ${formatCount(b.count)}`).join(", ") +
    `. ${formatCount(data.n_handoffs_without_action)} without an action yet.` +
    (target !== null ? ` The target falls in the ${data.bands[target]!.label} band.` : "")
  );
}
