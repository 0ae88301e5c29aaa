"use client";
/**
 * The stat-card's sparkline: recharts' smallest line chart, at a fixed size
 * (no ResizeObserver), without axes, tooltip or animation. Loaded lazily by
 * the card, so the queue's first JavaScript carries no chart library.
 * Days without an action are gaps (`connectNulls` off), never zeros.
 */
import { Line, LineChart, YAxis } from "recharts";
import { SPARKLINE_SIZE, type SparkPoint } from "./sparkline-size";

export default function SparklineChart({ points }: { points: SparkPoint[] }) {
  return (
    <LineChart
      width={SPARKLINE_SIZE.width}
      height={SPARKLINE_SIZE.height}
      data={points}
      margin={{ top: 3, right: 3, bottom: 3, left: 3 }}
      accessibilityLayer={false}
    >
      <YAxis hide domain={[0, "dataMax"]} />
      <Line
        type="monotone"
        dataKey="median_seconds"
        stroke="var(--color-accent)"
        strokeWidth={2}
        // A small dot on every day, so a day between two gaps still shows.
        dot={{ r: 1.5, strokeWidth: 0, fill: "var(--color-accent)" }}
        connectNulls={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
