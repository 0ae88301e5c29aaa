import { describe, expect, it } from "vitest";
import {
  describeChange,
  formatAge,
  formatCount,
  formatDayLabel,
  formatDuration,
  formatRate,
  formatSecondsExact,
  formatTimestamp,
} from "@/lib/format";

describe("formatDuration", () => {
  it.each([
    [null, "—"],
    [undefined, "—"],
    [Number.NaN, "—"],
    [0, "0s"],
    [-3, "0s"],
    [0.04, "<0.1s"],
    [0.46, "0.5s"],
    [4.2, "4.2s"],
    [9.94, "9.9s"],
    [9.96, "10s"],
    [45.4, "45s"],
    [59.6, "1m"],
    [90, "1m 30s"],
    [90.123, "1m 30s"],
    [120, "2m"],
    [3_599.4, "59m 59s"],
    [3_600, "1h"],
    [3_900, "1h 5m"],
    [86_399, "1d"],
    [90_000, "1d 1h"],
    [172_800, "2d"],
  ])("%s s → %s", (input, expected) => {
    expect(formatDuration(input)).toBe(expected);
  });
});

describe("formatAge", () => {
  it.each([
    [null, "—"],
    [0, "just now"],
    [59.9, "just now"],
    [60, "1m ago"],
    [3_599, "59m ago"],
    [3_600, "1h ago"],
    [86_399, "23h ago"],
    [86_400, "1d ago"],
    [200_000, "2d ago"],
    [-5, "just now"],
  ])("%s s → %s", (input, expected) => {
    expect(formatAge(input)).toBe(expected);
  });
});

describe("formatRate", () => {
  it("shows a share of two counts with at most one decimal", () => {
    expect(formatRate(3, 4)).toBe("75%");
    expect(formatRate(2, 3)).toBe("66.7%");
    expect(formatRate(5, 5)).toBe("100%");
    expect(formatRate(0, 7)).toBe("0%");
  });
  it("never rounds an incomplete share up to 100%", () => {
    expect(formatRate(9_999, 10_000)).toBe("99.9%");
  });
  it("has no value when nothing was claimed", () => {
    expect(formatRate(0, 0)).toBe("—");
  });
});

describe("other formats", () => {
  it("gives exact seconds for tooltips", () => {
    expect(formatSecondsExact(90.123)).toBe("90.123 seconds");
    expect(formatSecondsExact(1)).toBe("1 second");
    expect(formatSecondsExact(null)).toBe("no value");
  });
  it("groups thousands", () => {
    expect(formatCount(12_345)).toBe("12,345");
  });
  it("renders timestamps in UTC whatever the machine's zone", () => {
    expect(formatTimestamp("2026-11-27T14:05:09.000Z")).toBe("27 Nov 2026, 14:05 UTC");
    expect(formatTimestamp("not a date")).toBe("—");
  });
});

describe("describeChange", () => {
  it("calls a lower time better and a higher one worse, as a whole percentage", () => {
    expect(describeChange(90, 120)).toEqual({ kind: "better", percent: "25%" });
    expect(describeChange(150, 120)).toEqual({ kind: "worse", percent: "25%" });
    expect(describeChange(2_400, 100)).toEqual({ kind: "worse", percent: "2,300%" });
  });
  it("says the same when the change rounds to 0%", () => {
    expect(describeChange(100.2, 100)).toEqual({ kind: "same" });
  });
  it("has nothing to compare when a side has no value or the previous one is zero", () => {
    expect(describeChange(null, 100)).toEqual({ kind: "none" });
    expect(describeChange(100, null)).toEqual({ kind: "none" });
    expect(describeChange(100, undefined)).toEqual({ kind: "none" });
    expect(describeChange(100, 0)).toEqual({ kind: "none" });
  });
});

describe("formatDayLabel", () => {
  it("shows a calendar date as day and month, in no time zone", () => {
    expect(formatDayLabel("2026-11-16")).toBe("16 Nov");
    expect(formatDayLabel("2026-01-01")).toBe("1 Jan");
    expect(formatDayLabel("week 3")).toBe("week 3");
  });
});
