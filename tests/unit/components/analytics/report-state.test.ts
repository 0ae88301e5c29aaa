import { describe, expect, it } from "vitest";
import {
  bucketOf, bucketWindow, csvHref, DEFAULT_SORT, defaultBucket, drillInput, parseReportState, reportSearch,
} from "@/components/analytics/report-state";

const parse = (qs: string) => parseReportState(new URLSearchParams(qs));
const ENGINEER = "3f0e8a52-4c1b-4f7e-9d51-0b6c2a7e9d10";

describe("the analytics page's URL state", () => {
  it("defaults to 30 days by day, chart view, the API's order and no drill-down", () => {
    expect(parse("")).toEqual({
      window: { kind: "period", period: "30d" },
      bucket: undefined,
      engineer: undefined,
      priority: undefined,
      trendView: "chart",
      sort: { engineer: DEFAULT_SORT, priority: DEFAULT_SORT },
      drill: null,
    });
    expect(bucketOf(parse(""))).toBe("day");
  });

  it("round-trips every part of the view through the query string", () => {
    const qs =
      `from=2026-10-01&to=2026-11-15&bucket=day&engineer=${ENGINEER}&priority=high&trend=table` +
      "&sort_engineer=p95.asc&sort_priority=label.desc&drill=1&d_bucket=2026-10-02" +
      "&d_from=2026-10-02T00%3A00%3A00.000Z&d_to=2026-10-02T23%3A59%3A59.999999Z&d_min=60&d_max=300&d_action=with&rows=150";
    const state = parse(qs);
    expect(state).toMatchObject({
      window: { kind: "range", from: "2026-10-01", to: "2026-11-15" },
      bucket: "day",
      engineer: ENGINEER,
      priority: "high",
      trendView: "table",
      sort: { engineer: { key: "p95", dir: "asc" }, priority: { key: "label", dir: "desc" } },
      drill: {
        bucket: { label: "2026-10-02", from: "2026-10-02T00:00:00.000Z", to: "2026-10-02T23:59:59.999999Z" },
        band: { min: 60, max: 300 },
        action: "with",
        rows: 150,
      },
    });
    expect(parse(reportSearch(state))).toEqual(state);
  });

  it("falls back on bad values one parameter at a time, without throwing", () => {
    const state = parse(
      "period=1d&bucket=month&engineer=bob&priority=&trend=pie&sort_engineer=name.up&drill=1&d_min=-5&d_action=maybe&rows=abc&d_engineer=x",
    );
    expect(state).toMatchObject({
      window: { kind: "period", period: "30d" },
      bucket: undefined,
      engineer: undefined,
      priority: undefined,
      trendView: "chart",
      sort: { engineer: DEFAULT_SORT },
      drill: { band: undefined, action: undefined, engineer: undefined, rows: 50 },
    });
    // A range needs both days, in order; otherwise the period applies.
    expect(parse("from=2026-11-02&to=2026-11-01&period=7d").window).toEqual({ kind: "period", period: "7d" });
    expect(parse("from=2026-02-30&to=2026-03-01").window).toEqual({ kind: "period", period: "30d" });
    expect(parse("from=2026-11-01").window).toEqual({ kind: "period", period: "30d" });
    // Next's searchParams object: a repeated parameter is ambiguous and ignored.
    expect(parseReportState({ period: ["7d", "90d"] }).window).toEqual({ kind: "period", period: "30d" });
    expect(parseReportState({ period: "90d" }).window).toEqual({ kind: "period", period: "90d" });
  });

  it("writes short URLs: defaults are left out", () => {
    expect(reportSearch(parse("period=30d"))).toBe("period=30d");
    expect(reportSearch(parse("period=90d&bucket=week"))).toBe("period=90d");
    expect(reportSearch(parse("period=90d&bucket=day"))).toBe("period=90d&bucket=day");
    expect(reportSearch(parse("period=7d&drill=1"))).toBe("period=7d&drill=1");
  });

  it("draws long windows by week and short ones by day", () => {
    expect(defaultBucket({ kind: "period", period: "7d" })).toBe("day");
    expect(defaultBucket({ kind: "period", period: "30d" })).toBe("day");
    expect(defaultBucket({ kind: "period", period: "90d" })).toBe("week");
    expect(defaultBucket({ kind: "range", from: "2026-10-01", to: "2026-10-31" })).toBe("day");
    expect(defaultBucket({ kind: "range", from: "2026-10-01", to: "2026-11-01" })).toBe("week");
  });
});

describe("the drill-down's query", () => {
  const state = parse(`period=30d&priority=high`);

  it("narrows the page's window and filters, and the CSV link carries exactly the same parameters", () => {
    const input = drillInput({ period: "30d" }, state, { band: { min: 900, max: 3600 }, engineer: ENGINEER, rows: 50 });
    expect(input).toEqual({ period: "30d", engineer: ENGINEER, priority: "high", min_seconds: 900, max_seconds: 3600 });
    expect(csvHref(input)).toBe(
      `/api/v1/analytics/flowpilot/escalations/handoffs.csv?period=30d&engineer=${ENGINEER}&priority=high&min_seconds=900&max_seconds=3600`,
    );
  });

  it("uses a bucket's own bounds instead of the page's window", () => {
    const bucket = { label: "2026-11-02", from: "2026-11-02T00:00:00.000Z", to: "2026-11-02T23:59:59.999999Z" };
    expect(drillInput({ period: "30d" }, parse(""), { bucket, action: "without", rows: 50 })).toEqual({
      from: bucket.from, to: bucket.to, action: "without",
    });
  });

  it("ends an inner bucket one microsecond before the next starts, and the last at the window's end", () => {
    const b = { start: "2026-11-02T00:00:00.000Z", end: "2026-11-03T00:00:00.000Z" };
    expect(bucketWindow(b, false)).toEqual({ from: b.start, to: "2026-11-02T23:59:59.999999Z" });
    expect(bucketWindow(b, true)).toEqual({ from: b.start, to: b.end });
  });
});
