"use client";
/**
 * The bands as a bar chart, count and share on each bar, the band holding
 * the target drawn in the target's colour. Clicking a bar opens its
 * handoffs; the band list beside it is the keyboard path to the same.
 * Loaded on demand (next/dynamic) with the rest of the page's charts.
 */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { chartAxis, chartGrid } from "@/components/ui/chart-theme";
import { ChartFrame } from "@/components/ui/chart-frame";
import type { TDistributionOutput } from "@/server/api/routers/analytics/distribution.types";
import { formatCount, formatRate } from "@/lib/format";

type Band = TDistributionOutput["bands"][number];

export default function DistributionChart({
  bands,
  total,
  targetIndex,
  onSelect,
  height = 240,
}: {
  bands: Band[];
  total: number;
  targetIndex: number | null;
  onSelect: (index: number) => void;
  height?: number;
}) {
  const points = bands.map((b, i) => ({
    label: b.label,
    count: b.count,
    caption: `${formatCount(b.count)} · ${formatRate(b.count, total)}`,
    target: i === targetIndex,
  }));
  return (
    <ChartFrame testId="distribution-chart" height={height}>
      <BarChart
        data={points}
        margin={{ top: 20, right: 4, bottom: 0, left: 0 }}
      >
        <CartesianGrid {...chartGrid} vertical={false} />
        <XAxis dataKey="label" {...chartAxis} interval={0} />
        <YAxis allowDecimals={false} {...chartAxis} width={36} />
        <Tooltip
          cursor={{ fill: "var(--color-subtle)" }}
          content={({ active, payload }) => {
            const p = payload?.[0]?.payload as (typeof points)[number] | undefined;
            if (!active || !p) return null;
            return (
              <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-card">
                <p className="font-semibold">{p.label}{p.target ? " (holds the target)" : ""}</p>
                <p>{p.caption} of handoffs with action</p>
                <p className="text-muted">Click to list these handoffs</p>
              </div>
            );
          }}
        />
        <Bar dataKey="count" name="Handoffs" isAnimationActive={false} cursor="pointer" onClick={(_bar, index) => onSelect(index)}>
          {points.map((p) => (
            <Cell key={p.label} fill={p.target ? "var(--color-success)" : "var(--color-accent)"} />
          ))}
          <LabelList dataKey="caption" position="top" fontSize={10} fill="var(--color-muted)" />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
