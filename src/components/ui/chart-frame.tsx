"use client";
import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

/**
 * The box every chart draws in: the full width of its panel at a fixed
 * height, text in the theme's ink (axes and grid: chart-theme.ts). `children`
 * is one recharts chart, which ResponsiveContainer sizes to the box.
 */
export function ChartFrame({ testId, height, className = "", children }: {
  testId: string;
  height: number;
  className?: string;
  children: ReactElement;
}) {
  return (
    <div data-testid={testId} className={`${className} w-full min-w-0 text-ink`.trim()} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}
