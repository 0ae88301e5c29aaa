"use client";
/**
 * The trend as a chart: median and p95 per bucket as lines, claimed handoffs
 * as bars on their own axis, the target as a dashed line. Empty buckets are
 * null, drawn as gaps (connectNulls off), never as zeros. Clicking a bar
 * opens its handoffs; the table view is the keyboard path to the same.
 * Loaded on demand (next/dynamic) so only this page ships the chart library.
 */
import {
  Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis,
  type TooltipContentProps,
} from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { chartAxis, chartGrid } from "@/components/ui/chart-theme";
import { ChartFrame } from "@/components/ui/chart-frame";
import type { TSeriesOutput } from "@/server/api/routers/analytics/series.types";
import { formatCount, formatDuration, formatSecondsExact } from "@/lib/format";

type Bucket = TSeriesOutput["buckets"][number];
type Point = { label: string; median: number | null; p95: number | null; claimed: number; withAction: number };

export default function TrendChart({
  buckets,
  target,
  onSelect,
  height = 280,
}: {
  buckets: Bucket[];
  target: number | null;
  onSelect: (index: number) => void;
  height?: number;
}) {
  const points: Point[] = buckets.map((b) => ({
    label: b.label,
    median: b.median_seconds_to_first_action,
    p95: b.p95_seconds_to_first_action,
    claimed: b.n_handoffs_claimed,
    withAction: b.n_handoffs_with_action,
  }));
  const { domain, ticks } = logAxis(points, target);
  return (
    <ChartFrame testId="trend-chart" className="h-[280px]" height={height}>
      <ComposedChart
        data={points}
        margin={{ top: 8, right: 4, bottom: 0, left: 0 }}
      >
        <CartesianGrid {...chartGrid} vertical={false} />
        <XAxis dataKey="label" tickFormatter={shortDate} {...chartAxis} minTickGap={16} />
        <YAxis
          yAxisId="seconds"
          scale="log"
          domain={domain}
          ticks={ticks}
          allowDataOverflow
          tickFormatter={(v: number) => formatDuration(v)}
          {...chartAxis}
          width={56}
        />
        <YAxis yAxisId="count" orientation="right" allowDecimals={false} {...chartAxis} width={36} />
        <Tooltip content={(props) => <TrendTooltip {...props} />} cursor={{ fill: "var(--color-subtle)" }} />
        <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value: string) => <span className="text-ink">{value}</span>} />
        {/* The bar's own click names its bucket (the chart's hover index can lag a tap); an empty bucket has nothing to list. */}
        <Bar
          yAxisId="count"
          dataKey="claimed"
          name="Claimed"
          fill="var(--color-accent-soft)"
          stroke="var(--color-accent)"
          strokeOpacity={0.4}
          minPointSize={(value) => (value ? 4 : 0)}
          cursor="pointer"
          onClick={(_bar, index) => onSelect(index)}
          isAnimationActive={false}
        />
        <Line yAxisId="seconds" dataKey="median" name="Median" stroke="var(--color-accent)" strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
        <Line yAxisId="seconds" dataKey="p95" name="p95" stroke="var(--color-warning)" strokeWidth={2} strokeDasharray="5 3" dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
        {target !== null && (
          <ReferenceLine
            yAxisId="seconds"
            y={target}
            stroke="var(--color-success)"
            strokeDasharray="2 4"
            strokeWidth={2}
            label={{ value: `Target ${formatDuration(target)}`, position: "insideTopLeft", fill: "var(--color-success)", fontSize: 11 }}
          />
        )}
      </ComposedChart>
    </ChartFrame>
  );
}

/** Times from seconds to hours share one axis, so it is logarithmic, with ticks people read at a glance. */
const NICE_TICKS = [1, 10, 60, 300, 900, 3_600, 14_400, 86_400, 604_800];

function logAxis(points: Point[], target: number | null): { domain: [number, number]; ticks: number[] } {
  const values = points.flatMap((p) => [p.median, p.p95]).filter((v): v is number => v !== null && v > 0);
  if (target !== null) values.push(target);
  if (values.length === 0) return { domain: [1, 3_600], ticks: [1, 60, 3_600] };
  const low = NICE_TICKS.findLast((t) => t <= Math.min(...values)) ?? 1;
  const high = NICE_TICKS.find((t) => t >= Math.max(...values)) ?? NICE_TICKS.at(-1)!;
  return { domain: [low, high], ticks: NICE_TICKS.filter((t) => t >= low && t <= high) };
}

function shortDate(label: string): string {
  const d = new Date(`${label}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? label : d.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

function TrendTooltip({ active, payload }: Pick<TooltipContentProps<ValueType, NameType>, "active" | "payload">) {
  const p = payload?.[0]?.payload as Point | undefined;
  if (!active || !p) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-card">
      <p className="font-semibold">{p.label}</p>
      <p>Median: {formatDuration(p.median)} ({formatSecondsExact(p.median)})</p>
      <p>p95: {formatDuration(p.p95)} ({formatSecondsExact(p.p95)})</p>
      <p>
        Claimed: {formatCount(p.claimed)} · with action: {formatCount(p.withAction)}
      </p>
      <p className="text-muted">Click to list these handoffs</p>
    </div>
  );
}
