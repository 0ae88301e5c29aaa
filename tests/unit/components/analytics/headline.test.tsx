import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { Headline } from "@/components/analytics/headline";
import { METRIC_DEFINITION, type TEscalationsResponse } from "@/server/api/routers/analytics/escalations.types";

afterEach(cleanup);

const stats: { n_handoffs_claimed: number; n_handoffs_with_action: number; avg_seconds_to_first_action: number | null; median_seconds_to_first_action: number | null; p95_seconds_to_first_action: number | null } = { n_handoffs_claimed: 10, n_handoffs_with_action: 8, avg_seconds_to_first_action: 120, median_seconds_to_first_action: 90, p95_seconds_to_first_action: 600 };
const data = (over: Partial<TEscalationsResponse> = {}): TEscalationsResponse => ({
  period: "30d", window_start: "2026-10-28T12:00:00.000Z", window_end: "2026-11-27T12:00:00.000Z",
  ...stats, metric_definition: METRIC_DEFINITION, target_seconds: null, n_within_target: null, ...over,
});
const previous = (over: Partial<typeof stats> = {}) => ({
  window_start: "2026-09-28T12:00:00.000Z", window_end: "2026-10-28T12:00:00.000Z", ...stats, target_seconds: null, n_within_target: null, ...over,
});

describe("Headline", () => {
  it("shows the API's numbers formatted, with the counts and the action rate", () => {
    render(<Headline data={data()} />);
    expect(screen.getByTestId("metric-median").textContent).toBe("1m 30s");
    expect(screen.getByTestId("metric-median").dataset.seconds).toBe("90");
    expect(screen.getByTestId("metric-p95").textContent).toBe("10m");
    expect(screen.getByTestId("metric-avg").textContent).toBe("2m");
    expect(screen.getByTestId("metric-claimed").textContent).toBe("10");
    expect(screen.getByTestId("metric-with-action").textContent).toBe("8");
    expect(screen.getByTestId("metric-action-rate").textContent).toBe("80%");
    expect(screen.queryByTestId("metric-within-target")).toBeNull();
    expect(screen.queryByTestId("change-median")).toBeNull();
  });

  it("colours a fall green and a rise red, and says so in words and an arrow too", () => {
    render(<Headline data={data({ previous: previous({ median_seconds_to_first_action: 120, p95_seconds_to_first_action: 500 }) })} />);
    const median = screen.getByTestId("change-median");
    expect(median.dataset.change).toBe("better");
    expect(median.querySelector(".text-success")?.textContent).toBe("↓ 25% faster");
    expect(median.textContent).toBe("↓ 25% faster than 2m before");
    const p95 = screen.getByTestId("change-p95");
    expect(p95.dataset.change).toBe("worse");
    expect(p95.querySelector(".text-danger")?.textContent).toBe("↑ 20% slower");
    expect(p95.textContent).toBe("↑ 20% slower than 8m 20s before");
    expect(screen.getByTestId("change-avg").dataset.change).toBe("same");
  });

  it("says when there is nothing to compare with", () => {
    render(<Headline data={data({ previous: previous({ median_seconds_to_first_action: null }) })} />);
    expect(screen.getByTestId("change-median").textContent).toBe("no previous value to compare");
    expect(screen.getByTestId("change-median").dataset.change).toBe("none");
  });

  it("shows within-target as a share of handoffs with action and as a count when there is a target", () => {
    render(<Headline data={data({ target_seconds: 900, n_within_target: 6 })} />);
    expect(screen.getByText("Within 15m target")).toBeTruthy();
    expect(screen.getByTestId("metric-within-target").textContent).toBe("75%");
    expect(screen.getByTestId("metric-within-target-count").textContent).toBe("6 of 8 with action");
  });
});
