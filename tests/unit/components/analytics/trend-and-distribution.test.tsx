import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { TrendTable, trendSummary } from "@/components/analytics/trend-table";
import { DistributionList, distributionSummary, targetBandIndex } from "@/components/analytics/distribution-list";
import { BANDS, type TDistributionOutput } from "@/server/api/routers/analytics/distribution.types";
import type { TSeriesOutput } from "@/server/api/routers/analytics/series.types";

afterEach(cleanup);

const bucket = (label: string, n: number, median: number | null, p95: number | null) => ({
  label, start: `${label}T00:00:00.000Z`, end: `${label}T23:59:59.000Z`, n_handoffs_claimed: n, n_handoffs_with_action: n, n_within_target: null,
  avg_seconds_to_first_action: median, median_seconds_to_first_action: median, p95_seconds_to_first_action: p95,
});
const series: TSeriesOutput = {
  period: "7d", window_start: "2026-11-01T00:00:00.000Z", window_end: "2026-11-03T23:59:59.000Z", bucket: "day", time_zone: "Europe/Berlin", target_seconds: 900,
  buckets: [bucket("2026-11-01", 3, 60, 120), bucket("2026-11-02", 0, null, null), bucket("2026-11-03", 5, 30, 300)],
};

describe("TrendTable", () => {
  it("has one row per bucket, empty ones showing no value, and opens a bucket from its button", () => {
    const onSelect = vi.fn();
    render(<TrendTable buckets={series.buckets} bucket="day" target={null} onSelect={onSelect} />);
    const table = screen.getByRole("table", { name: "Time to first action per day" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell").map((c) => c.textContent))).toEqual([
      ["3", "3", "1m", "2m"],
      ["0", "0", "—", "—"],
      ["5", "5", "30s", "5m"],
    ]);
    fireEvent.click(screen.getByRole("button", { name: /^2026-11-03/ }));
    expect(onSelect).toHaveBeenCalledWith(2);
  });

  it("summarises the chart in words, gaps included", () => {
    expect(trendSummary(series)).toBe(
      "Median and p95 time to first action per day (Europe/Berlin), 2026-11-01 to 2026-11-03, on a logarithmic time axis, " +
        "with claimed handoffs as bars and the 15m target as a line. 1 of 3 days have no claims and show as gaps.",
    );
  });
});

const distribution = (target: number | null): TDistributionOutput => ({
  period: "30d", window_start: "2026-10-28T12:00:00.000Z", window_end: "2026-11-27T12:00:00.000Z", target_seconds: target,
  n_handoffs_with_action: 40, n_handoffs_without_action: 3,
  bands: BANDS.map((b, i) => ({ ...b, count: [12, 15, 8, 3, 1, 1][i]! })),
});

describe("DistributionList", () => {
  it("shows each band's count and share, marks the target's band, and keeps 'no action yet' apart", () => {
    const onBand = vi.fn();
    const onWithout = vi.fn();
    render(<DistributionList data={distribution(600)} onBand={onBand} onWithout={onWithout} />);
    const bands = within(screen.getByTestId("distribution-bands")).getAllByRole("button");
    expect(bands.map((b) => b.textContent)).toEqual([
      "< 1 min12 · 30%", "1–5 min15 · 37.5%", "5–15 min· target 10m8 · 20%", "15–60 min3 · 7.5%", "1–4 h1 · 2.5%", "≥ 4 h1 · 2.5%",
    ]);
    expect(bands[2]!.dataset.targetBand).toBe("true");
    fireEvent.click(bands[1]!);
    expect(onBand).toHaveBeenCalledWith(1);
    fireEvent.click(screen.getByTestId("distribution-without-action"));
    expect(onWithout).toHaveBeenCalledOnce();
    expect(screen.getByTestId("distribution-without-action").textContent).toContain("3 claimed handoffs");
  });

  it("finds the target's band at its edges", () => {
    const bands = distribution(null).bands;
    expect(targetBandIndex(bands, null)).toBeNull();
    expect(targetBandIndex(bands, 60)).toBe(1);
    expect(targetBandIndex(bands, 59)).toBe(0);
    expect(targetBandIndex(bands, 100_000)).toBe(5);
  });

  it("summarises the chart in words", () => {
    expect(distributionSummary(distribution(900))).toBe(
      "Handoffs with action by time to first action: < 1 min 12, 1–5 min 15, 5–15 min 8, 15–60 min 3, 1–4 h 1, ≥ 4 h 1. " +
        "3 without an action yet. The target falls in the 15–60 min band.",
    );
  });
});
