import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { QueryState } from "@/components/ui/query-state";

afterEach(cleanup);

type Items = { items: string[] };

function panel(query: { data: Items | undefined; error: unknown; refetch: () => unknown }) {
  return render(
    <QueryState
      query={query}
      loading={<p aria-busy="true">Loading items…</p>}
      empty={<p>No items yet.</p>}
      isEmpty={(d) => d.items.length === 0}
      errorFallback="The items could not be loaded."
    >
      {(d) => (
        <ul>
          {d.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </QueryState>,
  );
}

describe("QueryState", () => {
  it("shows the loading content until data arrives", () => {
    panel({ data: undefined, error: null, refetch: () => {} });
    expect(screen.getByText("Loading items…")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("shows the empty content when the data has nothing to list", () => {
    panel({ data: { items: [] }, error: null, refetch: () => {} });
    expect(screen.getByText("No items yet.")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("renders the data otherwise", () => {
    panel({ data: { items: ["a", "b"] }, error: null, refetch: () => {} });
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual(["a", "b"]);
  });

  it("shows the error's detail with a retry that refetches", () => {
    const refetch = vi.fn();
    panel({ data: undefined, error: { shape: { detail: "The database is unavailable." } }, refetch });
    expect(screen.getByRole("alert").textContent).toContain("The database is unavailable.");
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(refetch).toHaveBeenCalledOnce();
  });

  it("falls back to its own message for an error without a detail", () => {
    panel({ data: undefined, error: {}, refetch: () => {} });
    expect(screen.getByRole("alert").textContent).toContain("The items could not be loaded.");
  });

  it("keeps data on screen when a later refetch fails", () => {
    panel({ data: { items: ["a"] }, error: { shape: { detail: "blip" } }, refetch: () => {} });
    expect(screen.getAllByRole("listitem")).toHaveLength(1);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
