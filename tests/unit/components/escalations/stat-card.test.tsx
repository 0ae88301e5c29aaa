import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { StatCard } from "@/components/escalations/stat-card";
import { METRIC_DEFINITION, type TEscalationsResponse } from "@/server/api/routers/analytics/escalations.types";

afterEach(cleanup);

const data = (over: Partial<TEscalationsResponse> = {}): TEscalationsResponse => ({
  period: "30d",
  window_start: "2026-10-28T12:00:00.000Z",
  window_end: "2026-11-27T12:00:00.000Z",
  n_handoffs_claimed: 3,
  n_handoffs_with_action: 2,
  avg_seconds_to_first_action: 120,
  median_seconds_to_first_action: 90,
  p95_seconds_to_first_action: 180,
  metric_definition: METRIC_DEFINITION,
  target_seconds: null,
  n_within_target: null,
  ...over,
});

const card = () => screen.getByTestId("stat-card");

describe("StatCard", () => {
  it("shows the median formatted, with action out of claimed, and p95 as secondary text", () => {
    render(<StatCard period="30d" state={{ status: "ready", data: data() }} />);
    expect(card().dataset.state).toBe("ready");
    expect(screen.getByTestId("stat-median").textContent).toBe("1m 30s");
    expect(screen.getByTestId("stat-median").dataset.seconds).toBe("90");
    expect(screen.getByTestId("stat-counts").textContent).toBe("2 with action / 3 claimed");
    expect(screen.getByTestId("stat-p95").textContent).toBe("3m");
    expect(card().getAttribute("aria-busy")).toBe("false");
  });

  it("links to the analytics page for the same period", () => {
    render(<StatCard period="30d" state={{ status: "ready", data: data() }} />);
    const link = within(card()).getByRole("link", { name: /compare 7, 30 and 90 days/i });
    expect(link.getAttribute("href")).toBe("/analytics/escalations?period=30d");
  });

  it("reveals the metric definition from a keyboard-operable button", () => {
    const definition = "Seconds from claim to first step; pair it with the manual baseline.";
    render(<StatCard period="30d" state={{ status: "ready", data: data({ metric_definition: definition }) }} />);
    const button = screen.getByRole("button", { name: "What this measures" });
    const panel = screen.getByTestId("stat-definition").parentElement!;
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(button.getAttribute("aria-controls")).toBe(panel.id);
    expect(panel.hidden).toBe(true);

    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(panel.hidden).toBe(false);
    expect(screen.getByTestId("stat-definition").textContent).toBe(definition);

    fireEvent.keyDown(button, { key: "Escape" });
    expect(panel.hidden).toBe(true);
  });

  it("shows a skeleton while loading, marked busy, without numbers", () => {
    render(<StatCard period="30d" state={{ status: "loading" }} />);
    expect(card().dataset.state).toBe("loading");
    expect(card().getAttribute("aria-busy")).toBe("true");
    expect(screen.getByText("Loading the metric…")).toBeTruthy();
    expect(screen.queryByTestId("stat-median")).toBeNull();
  });

  it("says so when nothing was claimed in the window", () => {
    const empty = data({
      n_handoffs_claimed: 0, n_handoffs_with_action: 0, avg_seconds_to_first_action: null,
      median_seconds_to_first_action: null, p95_seconds_to_first_action: null,
    });
    render(<StatCard period="30d" state={{ status: "ready", data: empty }} />);
    expect(card().dataset.state).toBe("empty");
    expect(screen.getByTestId("stat-empty").textContent).toBe("No claimed escalations in the last 30 days.");
    expect(screen.queryByTestId("stat-median")).toBeNull();
  });

  it("shows claims that have no action yet without inventing a median", () => {
    const waiting = data({
      n_handoffs_claimed: 2, n_handoffs_with_action: 0, avg_seconds_to_first_action: null,
      median_seconds_to_first_action: null, p95_seconds_to_first_action: null,
    });
    render(<StatCard period="30d" state={{ status: "ready", data: waiting }} />);
    expect(screen.getByTestId("stat-median").textContent).toBe("—");
    expect(screen.getByTestId("stat-counts").textContent).toBe("0 with action / 2 claimed");
    expect(screen.getByText("No claimed escalation has an action yet.")).toBeTruthy();
  });

  it("shows an error with a retry", () => {
    const onRetry = vi.fn();
    render(<StatCard period="30d" state={{ status: "error", message: "The database is unavailable.", onRetry }} />);
    expect(card().dataset.state).toBe("error");
    expect(screen.getByRole("alert").textContent).toContain("The database is unavailable.");
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledOnce();
    expect(screen.queryByTestId("stat-median")).toBeNull();
  });

  it("shows viewers a note instead of the numbers", () => {
    render(<StatCard period="30d" state={{ status: "forbidden" }} />);
    expect(card().dataset.state).toBe("forbidden");
    expect(screen.getByTestId("stat-viewer-note").textContent).toMatch(/engineers, admins and owners/);
    expect(screen.queryByTestId("stat-median")).toBeNull();
    expect(screen.queryByTestId("stat-counts")).toBeNull();
  });

  it("names its period in the empty state and the link", () => {
    render(<StatCard period="7d" state={{ status: "ready", data: data({ period: "7d", n_handoffs_claimed: 0, n_handoffs_with_action: 0 }) }} />);
    expect(screen.getByTestId("stat-empty").textContent).toBe("No claimed escalations in the last 7 days.");
    expect(screen.getByRole("link").getAttribute("href")).toBe("/analytics/escalations?period=7d");
  });

  describe("change against the previous period", () => {
    const previous = (median: number | null) => ({
      window_start: "2026-09-28T12:00:00.000Z", window_end: "2026-10-28T12:00:00.000Z",
      n_handoffs_claimed: 4, n_handoffs_with_action: 4, n_within_target: null,
      avg_seconds_to_first_action: median, median_seconds_to_first_action: median, p95_seconds_to_first_action: median,
      target_seconds: null,
    });

    it("shows a lower median as better, in words as well as colour", () => {
      render(<StatCard period="30d" state={{ status: "ready", data: data({ previous: previous(120) }) }} />);
      const change = screen.getByTestId("stat-change");
      expect(change.dataset.change).toBe("better");
      expect(change.textContent).toBe("↓ 25% faster than the previous 30 days (2m), better");
      expect(change.querySelector(".text-success")).not.toBeNull();
    });

    it("shows a higher median as worse", () => {
      render(<StatCard period="30d" state={{ status: "ready", data: data({ previous: previous(60) }) }} />);
      const change = screen.getByTestId("stat-change");
      expect(change.dataset.change).toBe("worse");
      expect(change.textContent).toBe("↑ 50% slower than the previous 30 days (1m), worse");
      expect(change.querySelector(".text-danger")).not.toBeNull();
    });

    it("says the same when the medians match", () => {
      render(<StatCard period="30d" state={{ status: "ready", data: data({ previous: previous(90) }) }} />);
      expect(screen.getByTestId("stat-change").textContent).toBe("→ Same as the previous 30 days (1m 30s)");
    });

    it("says there is nothing to compare with when the previous window has no median", () => {
      render(<StatCard period="30d" state={{ status: "ready", data: data({ previous: previous(null) }) }} />);
      const change = screen.getByTestId("stat-change");
      expect(change.dataset.change).toBe("none");
      expect(change.textContent).toBe("No median for the previous 30 days to compare with");
    });

    it("shows no change line when the response has no previous window", () => {
      render(<StatCard period="30d" state={{ status: "ready", data: data() }} />);
      expect(screen.queryByTestId("stat-change")).toBeNull();
    });
  });

  describe("within target", () => {
    it("shows the share and count of actions within the account's target", () => {
      render(<StatCard period="30d" state={{ status: "ready", data: data({ target_seconds: 900, n_within_target: 1 }) }} />);
      expect(screen.getByTestId("stat-within-target").textContent).toBe("50% within the 15m target (1 of 2)");
    });

    it("is absent when the account has no target", () => {
      render(<StatCard period="30d" state={{ status: "ready", data: data() }} />);
      expect(screen.queryByTestId("stat-within-target")).toBeNull();
    });
  });

  describe("sparkline", () => {
    const ready = { status: "ready", data: data() } as const;
    const points = [
      { label: "2026-11-14", median_seconds: 60 },
      { label: "2026-11-15", median_seconds: null },
      { label: "2026-11-16", median_seconds: 95 },
    ];

    it("describes every day's median in its text alternative, gaps included", () => {
      render(<StatCard period="30d" state={ready} trend={{ status: "ready", points }} />);
      const spark = screen.getByRole("img");
      expect(spark.dataset.testid).toBe("stat-sparkline");
      expect(spark.getAttribute("aria-label")).toBe(
        "Daily median, last 3 days: 14 Nov 1m, 15 Nov no action, 16 Nov 1m 35s",
      );
    });

    it("shows a placeholder while the days load", () => {
      render(<StatCard period="30d" state={ready} trend={{ status: "loading" }} />);
      expect(screen.queryByTestId("stat-sparkline")).toBeNull();
      expect(screen.getByTestId("stat-median").textContent).toBe("1m 30s");
    });

    it("says so when the days cannot be loaded, and keeps the numbers", () => {
      render(<StatCard period="30d" state={ready} trend={{ status: "error" }} />);
      expect(screen.getByTestId("stat-sparkline-error").textContent).toBe("Daily trend unavailable");
      expect(screen.getByTestId("stat-median").textContent).toBe("1m 30s");
    });

    it("draws nothing when no day has an action", () => {
      const quiet = points.map((p) => ({ ...p, median_seconds: null }));
      render(<StatCard period="30d" state={ready} trend={{ status: "ready", points: quiet }} />);
      expect(screen.getByTestId("stat-sparkline-empty").textContent).toBe("No actions in the last 3 days");
      expect(screen.queryByRole("img")).toBeNull();
    });

    it("is not shown before the numbers, nor for viewers", () => {
      render(<StatCard period="30d" state={{ status: "forbidden" }} trend={{ status: "ready", points }} />);
      expect(screen.queryByTestId("stat-sparkline")).toBeNull();
    });
  });
});
