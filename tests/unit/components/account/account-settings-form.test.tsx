import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { SettingsEditorView, SettingsReadOnly } from "@/components/account/account-settings-form";

afterEach(cleanup);

const settings = (over = {}) => ({ time_zone: "Europe/Berlin", first_action_target_seconds: 900, can_edit: true, ...over });
const ZONES = ["America/New_York", "Asia/Kolkata", "Europe/Berlin", "UTC"];

function editor(over: Partial<Parameters<typeof SettingsEditorView>[0]> = {}) {
  const onSave = vi.fn();
  const onEdit = vi.fn();
  const idle = { settings: settings(), timeZones: ZONES, timeZonesFailed: false, saving: false, saved: false, error: null };
  render(<SettingsEditorView {...idle} onEdit={onEdit} onSave={onSave} {...over} />);
  return { onSave, onEdit };
}

describe("the account settings for engineers and viewers", () => {
  it("shows the values as text, with no form control", () => {
    render(<SettingsReadOnly settings={settings({ can_edit: false })} />);
    expect(screen.getByTestId("setting-time-zone").textContent).toBe("Europe/Berlin");
    expect(screen.getByTestId("setting-target").textContent).toBe("15m (900 seconds)");
    expect(screen.getByText("Only owners and admins can change these settings.")).toBeTruthy();
    expect(screen.queryByRole("combobox")).toBeNull();
    expect(screen.queryByRole("spinbutton")).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("says when there is no target", () => {
    render(<SettingsReadOnly settings={settings({ can_edit: false, first_action_target_seconds: null })} />);
    expect(screen.getByTestId("setting-target").textContent).toBe("No target");
  });
});

describe("the account settings form for owners and admins", () => {
  it("offers the server's zones with the current one selected, and saves both values", () => {
    const { onSave } = editor();
    const zone = screen.getByLabelText("Time zone") as HTMLSelectElement;
    expect(zone.value).toBe("Europe/Berlin");
    expect([...zone.options].map((o) => o.value)).toEqual(ZONES);

    fireEvent.change(zone, { target: { value: "Asia/Kolkata" } });
    fireEvent.change(screen.getByLabelText("Target for time to first action, in seconds"), { target: { value: "120" } });
    expect(screen.getByTestId("target-hint").textContent).toBe("That is 2m.");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSave).toHaveBeenCalledWith({ time_zone: "Asia/Kolkata", first_action_target_seconds: 120 });
  });

  it("saves an empty target as no target", () => {
    const { onSave } = editor();
    fireEvent.change(screen.getByLabelText("Target for time to first action, in seconds"), { target: { value: "" } });
    expect(screen.getByTestId("target-hint").textContent).toBe("Empty: no target.");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSave).toHaveBeenCalledWith({ time_zone: "Europe/Berlin", first_action_target_seconds: null });
  });

  it("keeps a current zone the list leaves out, and the current one while the list loads", () => {
    editor({ settings: settings({ time_zone: "US/Pacific" }) });
    const zone = screen.getByLabelText("Time zone") as HTMLSelectElement;
    expect(zone.value).toBe("US/Pacific");
    expect(zone.options[0]!.value).toBe("US/Pacific");
    cleanup();

    editor({ timeZones: undefined });
    const loading = screen.getByLabelText("Time zone") as HTMLSelectElement;
    expect([...loading.options].map((o) => o.value)).toEqual(["Europe/Berlin"]);
    expect(loading.getAttribute("aria-busy")).toBe("true");
  });

  it("says when the zone list failed, keeping the current zone", () => {
    editor({ timeZones: undefined, timeZonesFailed: true });
    expect(screen.getByText(/list of time zones could not be loaded/)).toBeTruthy();
    expect((screen.getByLabelText("Time zone") as HTMLSelectElement).value).toBe("Europe/Berlin");
  });

  it("shows saving, saved and the server's refusal", () => {
    editor({ saving: true });
    const button = screen.getByRole("button", { name: "Saving…" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    cleanup();

    editor({ saved: true });
    expect(screen.getByRole("status").textContent).toBe("Saved.");
    cleanup();

    editor({ error: "first_action_target_seconds must be a whole number of seconds, at least 1" });
    expect(screen.getByRole("alert").textContent).toMatch(/whole number of seconds/);
    expect(screen.getByRole("form").getAttribute("aria-describedby")).toBe(screen.getByRole("alert").id);
  });

  it("tells the container when the values change, so an old Saved. goes away", () => {
    const { onEdit } = editor({ saved: true });
    fireEvent.change(screen.getByLabelText("Time zone"), { target: { value: "UTC" } });
    expect(onEdit).toHaveBeenCalled();
  });
});
