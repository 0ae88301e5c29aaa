import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { RadioToggle } from "@/components/ui/radio-toggle";

afterEach(cleanup);

const OPTIONS = [
  { value: "7d", label: "7d" },
  { value: "30d", label: "30d" },
  { value: "90d", label: "90d" },
] as const;

describe("RadioToggle", () => {
  it("is a labelled radio group of native radios, one checked", () => {
    render(<RadioToggle label="Period" options={OPTIONS} value="30d" onChange={() => {}} />);
    const group = screen.getByRole("radiogroup", { name: "Period" });
    const radios = screen.getAllByRole("radio") as HTMLInputElement[];
    expect(group.contains(radios[0]!)).toBe(true);
    expect(radios.map((r) => r.checked)).toEqual([false, true, false]);
    // One shared name: the browser moves the selection with arrow keys.
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
  });

  it("reports the chosen value", () => {
    const onChange = vi.fn();
    render(<RadioToggle label="Period" options={OPTIONS} value="30d" onChange={onChange} />);
    fireEvent.click(screen.getByRole("radio", { name: "90d" }));
    expect(onChange).toHaveBeenCalledWith("90d");
  });
});
