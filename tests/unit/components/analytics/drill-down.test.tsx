import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { CsvLink, FilterChips, HandoffList } from "@/components/analytics/drill-down";
import type { THandoffItem } from "@/server/api/routers/analytics/handoffs.types";

afterEach(cleanup);

const item = (i: number, seconds: number | null): THandoffItem => ({
  handoff_id: `h${i}`, session_id: `s${i}`, priority: i % 2 ? "high" : null, claimed_by: "u1", claimed_by_name: i === 3 ? null : "Erin Engineer",
  claimed_at: "2026-11-27T12:00:00.123456Z", first_action_at: seconds === null ? null : "2026-11-27T12:01:30.123456Z", seconds_to_first_action: seconds,
});

describe("FilterChips", () => {
  it("shows each filter with its own remove button", () => {
    const removeBand = vi.fn();
    const removeEngineer = vi.fn();
    render(<FilterChips chips={[
      { id: "band", label: "Time to action 1–5 min", onRemove: removeBand },
      { id: "engineer", label: "Engineer: Erin Engineer", onRemove: removeEngineer },
    ]} />);
    const list = screen.getByRole("list", { name: "Filters" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    fireEvent.click(screen.getByRole("button", { name: "Remove filter: Engineer: Erin Engineer" }));
    expect(removeEngineer).toHaveBeenCalledOnce();
    expect(removeBand).not.toHaveBeenCalled();
  });

  it("says the list is unfiltered when there are no chips", () => {
    render(<FilterChips chips={[]} />);
    expect(screen.getByText("All claimed handoffs in the window.")).toBeTruthy();
  });
});

describe("HandoffList", () => {
  it("links each row to its session and shows the exact seconds on hover", () => {
    render(<HandoffList items={[item(1, 90), item(2, null), item(3, 4.5)]} total={3} hasMore={false} loadingMore={false} onLoadMore={() => {}} />);
    const rows = screen.getAllByTestId("drill-row");
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByRole("link").getAttribute("href")).toBe("/sessions/s1");
    expect(within(rows[0]!).getByRole("link").textContent).toBe("27 Nov 2026, 12:00 UTC");
    expect(within(rows[0]!).getByTitle("90 seconds").textContent).toBe("1m 30s");
    expect(within(rows[1]!).getByText("no action")).toBeTruthy();
    expect(within(rows[2]!).getByText("Unknown user")).toBeTruthy();
    expect(screen.getByTestId("drill-count").textContent).toBe("Showing 3 of 3 handoffs");
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
  });

  it("offers the next page while there is one", () => {
    const onLoadMore = vi.fn();
    const { rerender } = render(<HandoffList items={[item(1, 90)]} total={120} hasMore loadingMore={false} onLoadMore={onLoadMore} />);
    fireEvent.click(screen.getByRole("button", { name: "Load more" }));
    expect(onLoadMore).toHaveBeenCalledOnce();
    rerender(<HandoffList items={[item(1, 90)]} total={120} hasMore loadingMore onLoadMore={onLoadMore} />);
    expect((screen.getByRole("button", { name: "Loading…" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("says so when nothing matches", () => {
    render(<HandoffList items={[]} total={0} hasMore={false} loadingMore={false} onLoadMore={() => {}} />);
    expect(screen.getByTestId("drill-empty").textContent).toBe("No claimed handoffs match these filters.");
  });
});

describe("CsvLink", () => {
  it("is a download link to the given URL", () => {
    render(<CsvLink href="/api/v1/analytics/flowpilot/escalations/handoffs.csv?period=30d" />);
    const link = screen.getByRole("link", { name: "Download CSV" });
    expect(link.getAttribute("href")).toBe("/api/v1/analytics/flowpilot/escalations/handoffs.csv?period=30d");
    expect(link.hasAttribute("download")).toBe(true);
  });
});
