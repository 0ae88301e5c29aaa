"use client";
import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, XAxis, YAxis } from "recharts";
import { chartAxis, chartGrid } from "@/components/ui/chart-theme";
import { formatDuration } from "@/lib/format";

/**
 * Both distributions on one log time axis: each dot is one percentile
 * (0, 1, …, 100) of a side, so each dot stands for 1 % of its values whatever
 * the sample size; the bold tick is the median. Props only; a fixed pixel
 * size, so it renders without measuring (server, print, PDF).
 */
export function DistributionChart({
  baseline,
  inProduct,
  baselineMedian,
  inProductMedian,
  width,
  height = 200,
}: {
  baseline: number[];
  inProduct: number[];
  baselineMedian: number | null;
  inProductMedian: number | null;
  width: number;
  height?: number;
}) {
  const all = [...baseline, ...inProduct].filter((v) => v > 0);
  if (all.length === 0) return null;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const lowPower = Math.floor(Math.log10(min));
  const highPower = Math.ceil(Math.log10(max));
  const ticks = [1, 3, 10, 30, 60, 300, 600, 1_800, 3_600, 10_800, 36_000, 86_400, 604_800].filter(
    (t) => t >= 10 ** lowPower && t <= 10 ** highPower,
  );
  // A little vertical spread (deterministic) so neighbouring percentiles do not hide each other.
  const points = (values: number[], row: number) => values.map((seconds, i) => ({ seconds, row: row + ((i % 5) - 2) * 0.06 }));
  return (
    <figure data-testid="distribution-chart" className="flex flex-col gap-1 text-ink">
      <ScatterChart
        width={width}
        height={height}
        margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        accessibilityLayer
        title="Both distributions on a log time axis"
      >
        <CartesianGrid {...chartGrid} vertical horizontal={false} />
        <XAxis
          type="number"
          dataKey="seconds"
          scale="log"
          domain={[10 ** lowPower, 10 ** highPower]}
          ticks={ticks}
          tickFormatter={(v: number) => formatDuration(v)}
          {...chartAxis}
          allowDataOverflow
        />
        <YAxis
          type="number"
          dataKey="row"
          domain={[-0.6, 1.6]}
          ticks={[0, 1]}
          tickFormatter={(v: number) => (v === 1 ? "Baseline" : "FlowPilot")}
          {...chartAxis}
          width={72}
        />
        <Scatter name="Manual baseline" data={points(baseline, 1)} fill="var(--color-warning)" fillOpacity={0.7} isAnimationActive={false} />
        <Scatter name="In FlowPilot" data={points(inProduct, 0)} fill="var(--color-accent)" fillOpacity={0.7} isAnimationActive={false} />
        {baselineMedian ? (
          <ReferenceLine segment={[{ x: baselineMedian, y: 0.6 }, { x: baselineMedian, y: 1.4 }]} stroke="var(--color-warning)" strokeWidth={3} />
        ) : null}
        {inProductMedian ? (
          <ReferenceLine segment={[{ x: inProductMedian, y: -0.4 }, { x: inProductMedian, y: 0.4 }]} stroke="var(--color-accent)" strokeWidth={3} />
        ) : null}
      </ScatterChart>
      <figcaption className="text-xs text-muted">
        Each dot is one percentile of its side (1 % of the values); the bar marks the median. Log time axis.
      </figcaption>
    </figure>
  );
}
