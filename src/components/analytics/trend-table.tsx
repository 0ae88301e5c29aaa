import type { TSeriesOutput } from "@/server/api/routers/analytics/series.types";
import { formatCount, formatDuration, formatRate, formatSecondsExact } from "@/lib/format";

type Bucket = TSeriesOutput["buckets"][number];

/**
 * The trend's data as a table: the chart's accessible twin and its keyboard
 * path to the drill-down (each bucket's label is a button).
 */
export function TrendTable({
  buckets,
  bucket,
  target,
  onSelect,
}: {
  buckets: Bucket[];
  bucket: "day" | "week";
  target: number | null;
  onSelect: (index: number) => void;
}) {
  return (
    <div className="max-h-[28rem] overflow-auto">
      <table className="w-full text-sm" data-testid="trend-table">
        <caption className="sr-only">Time to first action per {bucket}</caption>
        <thead className="sticky top-0 bg-surface">
          <tr className="border-b border-border text-left text-xs text-muted">
            <th scope="col" className="py-2 pr-2 font-medium">{bucket === "day" ? "Day" : "Week of"}</th>
            <th scope="col" className="py-2 pr-2 text-right font-medium">Claimed</th>
            <th scope="col" className="hidden py-2 pr-2 text-right font-medium sm:table-cell">With action</th>
            <th scope="col" className="py-2 pr-2 text-right font-medium">Median</th>
            <th scope="col" className="py-2 pr-2 text-right font-medium">p95</th>
            {target !== null && <th scope="col" className="hidden py-2 text-right font-medium sm:table-cell">Within target</th>}
          </tr>
        </thead>
        <tbody>
          {buckets.map((b, i) => (
            <tr key={b.label} className="border-b border-border last:border-0">
              <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                <button
                  type="button"
                  onClick={() => onSelect(i)}
                  className="text-accent hover:underline"
                  aria-label={`${b.label}: list the ${b.n_handoffs_claimed} handoffs claimed`}
                >
                  {b.label}
                </button>
              </th>
              <td className="tabular py-1.5 pr-2 text-right">{formatCount(b.n_handoffs_claimed)}</td>
              <td className="tabular hidden py-1.5 pr-2 text-right sm:table-cell">{formatCount(b.n_handoffs_with_action)}</td>
              <td className="tabular py-1.5 pr-2 text-right" title={formatSecondsExact(b.median_seconds_to_first_action)}>
                {formatDuration(b.median_seconds_to_first_action)}
              </td>
              <td className="tabular py-1.5 pr-2 text-right" title={formatSecondsExact(b.p95_seconds_to_first_action)}>
                {formatDuration(b.p95_seconds_to_first_action)}
              </td>
              {target !== null && (
                <td className="tabular hidden py-1.5 text-right sm:table-cell">
                  {b.n_within_target === null ? "—" : formatRate(b.n_within_target, b.n_handoffs_with_action)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The chart's text alternative: what is drawn, over which span, and how many buckets are empty. */
export function trendSummary(series: Pick<TSeriesOutput, "buckets" | "bucket" | "target_seconds" | "time_zone">): string {
  const { buckets, bucket } = series;
  if (buckets.length === 0) return "No buckets in this window.";
  const empty = buckets.filter((b) => b.n_handoffs_claimed === 0).length;
  const unit = bucket === "day" ? "day" : "week";
  return (
    `Median and p95 time to first action per ${unit} (${series.time_zone}), ${buckets[0]!.label} to ${buckets.at(-1)!.label}, ` +
    "on a logarithmic time axis, with claimed handoffs as bars" +
    (series.target_seconds !== null ? ` and the ${formatDuration(series.target_seconds)} target as a line` : "") +
    `. ${empty} of ${buckets.length} ${unit}s have no claims and show as gaps.`
  );
}
