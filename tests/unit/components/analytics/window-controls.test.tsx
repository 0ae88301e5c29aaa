import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { FilterSelects, rangeProblem, WindowControls } from "@/components/analytics/window-controls";

afterEach(cleanup);

const noop = () => {};

describe("WindowControls", () => {
  it("switches periods and buckets through radio groups", () => {
    const onPeriod = vi.fn();
    const onBucket = vi.fn();
    render(<WindowControls window={{ kind: "period", period: "30d" }} bucket="day" timeZone="UTC" serverError={null} onPeriod={onPeriod} onRange={noop} onBucket={onBucket} />);
    expect((screen.getByRole("radio", { name: "30d" }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole("radio", { name: "90d" }));
    expect(onPeriod).toHaveBeenCalledWith("90d");
    fireEvent.click(screen.getByRole("radio", { name: "Week" }));
    expect(onBucket).toHaveBeenCalledWith("week");
    expect(screen.queryByTestId("range-form")).toBeNull();
  });

  it("asks for a custom range and refuses an inverted one inline, without applying it", () => {
    const onRange = vi.fn();
    render(<WindowControls window={{ kind: "period", period: "30d" }} bucket="day" timeZone="Europe/Berlin" serverError={null} onPeriod={noop} onRange={onRange} onBucket={noop} />);
    fireEvent.click(screen.getByRole("radio", { name: "Custom" }));
    expect(screen.getByText(/Whole days in Europe\/Berlin/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("First day"), { target: { value: "2026-11-10" } });
    fireEvent.change(screen.getByLabelText("Last day"), { target: { value: "2026-11-01" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(screen.getByRole("alert").textContent).toBe("The first day must not be after the last day.");
    expect(screen.getByLabelText("First day").getAttribute("aria-invalid")).toBe("true");
    expect(onRange).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText("Last day"), { target: { value: "2026-11-20" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(onRange).toHaveBeenCalledWith("2026-11-10", "2026-11-20");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows the server's objection to an applied range next to the inputs", () => {
    render(<WindowControls window={{ kind: "range", from: "2026-11-01", to: "2099-01-01" }} bucket="week" timeZone="UTC" serverError="Invalid input: to: the last day may not be later than today." onPeriod={noop} onRange={noop} onBucket={noop} />);
    expect((screen.getByRole("radio", { name: "Custom" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("First day") as HTMLInputElement).value).toBe("2026-11-01");
    expect(screen.getByTestId("range-error").textContent).toBe("Invalid input: to: the last day may not be later than today.");
  });
});

describe("rangeProblem", () => {
  it("names the rule a range breaks", () => {
    expect(rangeProblem("", "2026-11-01")).toBe("Give both the first and the last day.");
    expect(rangeProblem("2025-01-01", "2026-01-02")).toBe("The range may be at most 366 days long.");
    expect(rangeProblem("2025-01-01", "2026-01-01")).toBeNull();
    expect(rangeProblem("2026-11-01", "2026-11-01")).toBeNull();
  });
});

describe("FilterSelects", () => {
  const engineers = [{ key: "a0000000-0000-4000-8000-000000000001", label: "Erin Engineer" }];
  const priorities = [{ key: "high", label: "high" }];

  it("offers the window's engineers and priorities, and clears a filter with 'All'", () => {
    const onEngineer = vi.fn();
    const onPriority = vi.fn();
    render(<FilterSelects engineers={engineers} priorities={priorities} engineer={undefined} priority="high" onEngineer={onEngineer} onPriority={onPriority} />);
    fireEvent.change(screen.getByLabelText("Engineer"), { target: { value: engineers[0]!.key } });
    expect(onEngineer).toHaveBeenCalledWith(engineers[0]!.key);
    fireEvent.change(screen.getByLabelText("Priority"), { target: { value: "" } });
    expect(onPriority).toHaveBeenCalledWith(undefined);
  });

  it("still shows a linked filter whose value this window has no group for", () => {
    render(<FilterSelects engineers={engineers} priorities={priorities} engineer="b0000000-0000-4000-8000-000000000002" priority="urgent" onEngineer={noop} onPriority={noop} />);
    const engineer = screen.getByLabelText("Engineer") as HTMLSelectElement;
    expect(engineer.value).toBe("b0000000-0000-4000-8000-000000000002");
    expect(engineer.selectedOptions[0]!.textContent).toBe("Selected engineer");
    expect((screen.getByLabelText("Priority") as HTMLSelectElement).value).toBe("urgent");
  });
});
