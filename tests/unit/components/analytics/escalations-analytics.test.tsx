/**
 * The analytics page's container in each state of its queries, with the
 * tRPC hooks replaced by fixed results: loading, empty (a new account),
 * error with a retry, the data, and the viewer's note.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { METRIC_DEFINITION } from "@/server/api/routers/analytics/escalations.types";
import { BANDS } from "@/server/api/routers/analytics/distribution.types";

type Result = { data?: unknown; error?: unknown; refetch: () => void; isFetching: boolean; isPlaceholderData: boolean; isPending: boolean };
const results = new Map<string, Partial<Result>>();
const calls: { name: string; input: unknown }[] = [];
const refetch = vi.fn();

function result(name: string, input: unknown): Result {
  calls.push({ name, input });
  const r = results.get(name) ?? results.get("*") ?? {};
  return { refetch, isFetching: false, isPlaceholderData: false, isPending: r.data === undefined, ...r };
}

vi.mock("@/trpc/react", () => {
  const procedure = (name: string) => ({
    useQuery: (input: unknown) => result(name, input),
    useInfiniteQuery: (input: unknown) => {
      const r = result(name, input);
      return { ...r, data: r.data === undefined ? undefined : { pages: [r.data] }, hasNextPage: false, isFetchingNextPage: false, fetchNextPage: vi.fn() };
    },
  });
  return { api: { analytics: new Proxy({}, { get: (_t, name: string) => procedure(name) }) } };
});

let search = "period=30d";
vi.mock("next/navigation", () => ({
  usePathname: () => "/analytics/escalations",
  useSearchParams: () => new URLSearchParams(search),
}));
vi.mock("next/dynamic", () => ({ default: () => () => <div data-testid="chart-placeholder" /> }));

const { EscalationsAnalytics } = await import("@/app/(app)/analytics/escalations/escalations-analytics");

const window = { period: "30d", window_start: "2026-10-28T12:00:00.000Z", window_end: "2026-11-27T12:00:00.000Z" };
const empty: Stats = { n_handoffs_claimed: 0, n_handoffs_with_action: 0, n_within_target: null, avg_seconds_to_first_action: null, median_seconds_to_first_action: null, p95_seconds_to_first_action: null };
type Stats = { n_handoffs_claimed: number; n_handoffs_with_action: number; n_within_target: number | null; avg_seconds_to_first_action: number | null; median_seconds_to_first_action: number | null; p95_seconds_to_first_action: number | null };
const some: Stats = { n_handoffs_claimed: 4, n_handoffs_with_action: 3, n_within_target: null, avg_seconds_to_first_action: 100, median_seconds_to_first_action: 90, p95_seconds_to_first_action: 180 };

function answer(stats: Stats) {
  const withAction = stats.n_handoffs_with_action;
  results.set("escalations", { data: { ...window, ...stats, metric_definition: METRIC_DEFINITION, target_seconds: null } });
  results.set("escalationsSeries", { data: { ...window, bucket: "day", time_zone: "UTC", target_seconds: null, buckets: [{ label: "2026-11-27", start: window.window_start, end: window.window_end, ...stats }] } });
  results.set("escalationsDistribution", { data: { ...window, target_seconds: null, n_handoffs_with_action: withAction, n_handoffs_without_action: stats.n_handoffs_claimed - withAction, bands: BANDS.map((b, i) => ({ ...b, count: i === 1 ? withAction : 0 })) } });
  results.set("escalationsBreakdown", { data: { ...window, by: "engineer", target_seconds: null, groups: stats.n_handoffs_claimed ? [{ key: "a0000000-0000-4000-8000-000000000001", label: "Erin", ...stats }] : [] } });
  results.set("escalationsHandoffs", { data: { ...window, n_total: 0, next_cursor: null, items: [] } });
}

beforeEach(() => {
  results.clear();
  calls.length = 0;
  search = "period=30d";
  refetch.mockClear();
});
afterEach(cleanup);

describe("the analytics page", () => {
  it("shows skeletons, marked busy, while the report loads", () => {
    render(<EscalationsAnalytics canSeeMetric />);
    expect(screen.getByText("Loading the numbers…")).toBeTruthy();
    expect(screen.queryByTestId("metric-median")).toBeNull();
    expect(screen.getByTestId("trend-panel").querySelector(".animate-pulse")).toBeTruthy();
  });

  it("asks every query for the URL's window and filters, with the previous period for the headline", () => {
    search = "period=90d&priority=high";
    render(<EscalationsAnalytics canSeeMetric />);
    const input = (name: string) => calls.find((c) => c.name === name)?.input;
    expect(input("escalations")).toEqual({ period: "90d", priority: "high", compare: "previous" });
    expect(input("escalationsSeries")).toEqual({ period: "90d", priority: "high", bucket: "week" });
    expect(input("escalationsDistribution")).toEqual({ period: "90d", priority: "high" });
  });

  it("shows the numbers and every panel with data", () => {
    answer(some);
    render(<EscalationsAnalytics canSeeMetric />);
    expect(screen.getByTestId("metric-median").textContent).toBe("1m 30s");
    expect(screen.getByTestId("trend-summary").textContent).toContain("per day (UTC)");
    expect(screen.getByTestId("distribution-without-action").textContent).toContain("1 claimed handoffs");
    expect(screen.getAllByTestId("breakdown-row").length).toBeGreaterThan(0);
  });

  it("says so in each panel when a new account has nothing in the window", () => {
    answer(empty);
    render(<EscalationsAnalytics canSeeMetric />);
    expect(screen.getByTestId("analytics-empty").textContent).toBe("No claimed escalations in this window.");
    expect(screen.getByTestId("trend-empty")).toBeTruthy();
    expect(screen.getByTestId("distribution-empty")).toBeTruthy();
    expect(within(screen.getByTestId("breakdown-engineer-panel")).getByText("No claimed escalations in this window.")).toBeTruthy();
  });

  it("shows an error with a retry in each failed panel", () => {
    results.set("*", { error: { message: "boom", shape: { detail: "The database is unavailable; try again shortly." } } });
    render(<EscalationsAnalytics canSeeMetric />);
    const retries = screen.getAllByRole("button", { name: "Try again" });
    expect(retries.length).toBe(5);
    expect(screen.getAllByText("The database is unavailable; try again shortly.").length).toBe(5);
    fireEvent.click(retries[0]!);
    expect(refetch).toHaveBeenCalled();
  });

  it("shows viewers a note instead of the report, and asks for nothing", () => {
    render(<EscalationsAnalytics canSeeMetric={false} />);
    expect(screen.getByTestId("analytics-viewer-note").textContent).toContain("your role is viewer");
    expect(screen.queryByRole("radiogroup")).toBeNull();
    expect(screen.queryByTestId("trend-panel")).toBeNull();
  });

  it("opens the drill-down from the URL with its filters as chips and the CSV of the same filters", () => {
    answer(some);
    search = "period=30d&drill=1&d_min=60&d_max=300";
    render(<EscalationsAnalytics canSeeMetric />);
    const panel = screen.getByTestId("drill-panel");
    expect(within(panel).getByRole("button", { name: "Remove filter: Time to action 1–5 min" })).toBeTruthy();
    expect(within(panel).getByRole("link", { name: "Download CSV" }).getAttribute("href")).toBe(
      "/api/v1/analytics/flowpilot/escalations/handoffs.csv?period=30d&min_seconds=60&max_seconds=300",
    );
    expect(calls.find((c) => c.name === "escalationsHandoffs")?.input).toEqual({ period: "30d", min_seconds: 60, max_seconds: 300, limit: 50 });
  });

  it("moves focus to a newly opened list, and leaves it alone when the view changes around the list", () => {
    answer(some);
    search = "period=30d&drill=1&d_action=without";
    const { rerender } = render(<EscalationsAnalytics canSeeMetric />);
    expect(document.activeElement?.textContent).toBe("Handoffs behind the numbers");

    const median = () => within(screen.getAllByTestId("breakdown-engineer")[0]!).getByRole("button", { name: /^Median/ });
    median().focus();
    search = "period=30d&sort_engineer=median.desc&drill=1&d_action=without";
    rerender(<EscalationsAnalytics canSeeMetric />);
    expect(document.activeElement).toBe(median());

    search = "period=30d&sort_engineer=median.desc&drill=1&d_min=60&d_max=300";
    rerender(<EscalationsAnalytics canSeeMetric />);
    expect(document.activeElement?.textContent).toBe("Handoffs behind the numbers");
  });
});
