import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { BreakdownTable, sortGroups } from "@/components/analytics/breakdown-table";
import { DEFAULT_SORT, type Sort } from "@/components/analytics/report-state";
import type { TBreakdownOutput } from "@/server/api/routers/analytics/breakdown.types";

afterEach(cleanup);

type Group = TBreakdownOutput["groups"][number];
const group = (key: string | null, label: string, n: number, withAction: number, median: number | null, p95: number | null, within: number | null = null): Group => ({
  key, label, n_handoffs_claimed: n, n_handoffs_with_action: withAction, n_within_target: within,
  avg_seconds_to_first_action: median, median_seconds_to_first_action: median, p95_seconds_to_first_action: p95,
});
const data = (over: Partial<TBreakdownOutput> = {}): TBreakdownOutput => ({
  period: "30d", window_start: "2026-10-28T12:00:00.000Z", window_end: "2026-11-27T12:00:00.000Z", by: "engineer", target_seconds: null,
  groups: [
    group("a0000000-0000-4000-8000-000000000001", "Erin", 40, 30, 90, 600),
    group("a0000000-0000-4000-8000-000000000002", "Adam", 25, 12, 300, 900),
    group(null, "Unknown user", 3, 0, null, null),
  ],
  ...over,
});
const labels = () => screen.getAllByTestId("breakdown-row").map((r) => within(r).getByRole("rowheader").textContent);

describe("BreakdownTable", () => {
  it("lists the groups in the asked order, empty values last", () => {
    render(<BreakdownTable data={data()} sort={{ key: "median", dir: "desc" }} onSort={() => {}} onSelect={() => {}} />);
    expect(labels()).toEqual(["Adam", "Erin", "Unknown user"]);
    cleanup();
    render(<BreakdownTable data={data()} sort={{ key: "median", dir: "asc" }} onSort={() => {}} onSelect={() => {}} />);
    expect(labels()).toEqual(["Erin", "Adam", "Unknown user"]);
  });

  it("sorts from buttons in the column headers, marking the sorted column with aria-sort", () => {
    const onSort = vi.fn<(s: Sort) => void>();
    const { rerender } = render(<BreakdownTable data={data()} sort={DEFAULT_SORT} onSort={onSort} onSelect={() => {}} />);
    const header = (name: string) => screen.getByRole("columnheader", { name: new RegExp(`^${name}`) });
    expect(header("n").getAttribute("aria-sort")).toBe("descending");
    expect(header("Median").getAttribute("aria-sort")).toBe("none");

    fireEvent.click(within(header("Median")).getByRole("button"));
    expect(onSort).toHaveBeenLastCalledWith({ key: "median", dir: "desc" });
    fireEvent.click(within(header("Engineer")).getByRole("button"));
    expect(onSort).toHaveBeenLastCalledWith({ key: "label", dir: "asc" });
    fireEvent.click(within(header("n")).getByRole("button"));
    expect(onSort).toHaveBeenLastCalledWith({ key: "n", dir: "asc" });

    rerender(<BreakdownTable data={data()} sort={{ key: "p95", dir: "asc" }} onSort={onSort} onSelect={() => {}} />);
    expect(header("p95").getAttribute("aria-sort")).toBe("ascending");
    expect(header("n").getAttribute("aria-sort")).toBe("none");
  });

  it("greys p95 of a group with fewer than 20 actions and explains why", () => {
    render(<BreakdownTable data={data()} sort={DEFAULT_SORT} onSort={() => {}} onSelect={() => {}} />);
    const [erin, adam] = screen.getAllByTestId("breakdown-row");
    const p95 = (row: HTMLElement) => within(row).getAllByRole("cell")[2]!;
    expect(p95(erin!).dataset.smallSample).toBeUndefined();
    expect(p95(adam!).dataset.smallSample).toBe("true");
    expect(p95(adam!).className).toContain("text-muted");
    const note = screen.getByTestId("small-sample-note-engineer");
    expect(note.textContent).toContain("p95 on a sample this small is close to the maximum");
    expect(p95(adam!).getAttribute("aria-describedby")).toBe(note.id);
  });

  it("has no note when every group is large enough", () => {
    render(<BreakdownTable data={data({ groups: [group("k", "high", 30, 25, 60, 120)], by: "priority" })} sort={DEFAULT_SORT} onSort={() => {}} onSelect={() => {}} />);
    expect(screen.queryByTestId("small-sample-note-priority")).toBeNull();
  });

  it("opens a group's handoffs from its name; a group without a key is plain text", () => {
    const onSelect = vi.fn();
    render(<BreakdownTable data={data()} sort={DEFAULT_SORT} onSort={() => {}} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole("button", { name: /^Adam: list the 25 handoffs/ }));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ label: "Adam" }));
    expect(screen.queryByRole("button", { name: /Unknown user/ })).toBeNull();
  });

  it("adds within-target when the account has a target", () => {
    const d = data({ target_seconds: 300, groups: [group("k", "Erin", 40, 30, 90, 600, 24)] });
    render(<BreakdownTable data={d} sort={DEFAULT_SORT} onSort={() => {}} onSelect={() => {}} />);
    expect(screen.getByRole("columnheader", { name: /Within target/ })).toBeTruthy();
    expect(within(screen.getByTestId("breakdown-row")).getAllByRole("cell")[3]!.textContent).toBe("80%");
  });
});

describe("sortGroups", () => {
  it("keeps the API's order for ties", () => {
    const g = [group("1", "b", 5, 5, 60, 60), group("2", "a", 5, 5, 60, 60)];
    expect(sortGroups(g, { key: "n", dir: "desc" }).map((x) => x.key)).toEqual(["1", "2"]);
    expect(sortGroups(g, { key: "label", dir: "asc" }).map((x) => x.key)).toEqual(["2", "1"]);
  });
});
