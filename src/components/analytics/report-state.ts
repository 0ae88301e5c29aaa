/**
 * The analytics page's whole state, as it lives in the URL: the window
 * (a period, or a custom range of local dates), the bucket, the filters, the
 * trend's chart/table view, the breakdowns' sort, and the drill-down with its
 * filters and how many rows are shown. A copied URL reopens the same view.
 *
 * Each parameter is parsed on its own and a bad one is dropped (its default
 * applies), so a mistyped or stale link still opens a page. Pure functions:
 * the server page and the browser read a URL the same way.
 */
import { z } from "zod";
import { DEFAULT_PERIOD, PERIOD_DAYS, PERIODS, type Period } from "@/server/api/routers/analytics/period.types";
import { BUCKETS } from "@/server/api/routers/analytics/series.types";
import { HANDOFFS_CSV_PATH, HANDOFFS_DEFAULT_LIMIT } from "@/server/api/routers/analytics/handoffs.types";
import { ZPgUuid } from "@/server/api/schemas";

export type Bucket = (typeof BUCKETS)[number];
export type ReportWindow = { kind: "period"; period: Period } | { kind: "range"; from: string; to: string };

export const SORT_KEYS = ["label", "n", "median", "p95", "within"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type Sort = { key: SortKey; dir: "asc" | "desc" };
/** The API's own order: most claims first. */
export const DEFAULT_SORT: Sort = { key: "n", dir: "desc" };

export type DrillState = {
  /** A trend bucket: its label and exact bounds (end exclusive, as the series states it, unless `last`). */
  bucket?: { label: string; from: string; to: string };
  /** A distribution band, [min, max) seconds; max undefined for the open band. */
  band?: { min: number; max?: number };
  action?: "with" | "without";
  engineer?: string;
  priority?: string;
  /** Rows shown: the first page, plus each "Load more". */
  rows: number;
};

export type ReportState = {
  window: ReportWindow;
  /** undefined: the window's default (defaultBucket) */
  bucket?: Bucket;
  engineer?: string;
  priority?: string;
  trendView: "chart" | "table";
  sort: { engineer: Sort; priority: Sort };
  drill: DrillState | null;
};

export const PAGE_ROWS = HANDOFFS_DEFAULT_LIMIT;
const MAX_ROWS = 1_000;
/** Windows longer than this are drawn by week: a quarter of daily points is hard to read. */
const DAILY_UP_TO_DAYS = 31;

const ZDate = z.iso.date();
const ZInstant = z.iso.datetime({ offset: true });
const ZText = z.string().min(1).max(200);
const ZSeconds = z.coerce.number().finite().nonnegative();
const ZSort = z
  .string()
  .transform((s) => s.split("."))
  .pipe(z.tuple([z.enum(SORT_KEYS), z.enum(["asc", "desc"])]))
  .transform(([key, dir]): Sort => ({ key, dir }));

type Params = Pick<URLSearchParams, "get">;

function read<T>(params: Params, name: string, schema: z.ZodType<T>): T | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Whole calendar days in [from, to], both local dates (no time zone involved). */
export function rangeDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function defaultBucket(window: ReportWindow): Bucket {
  const days = window.kind === "period" ? PERIOD_DAYS[window.period] : rangeDays(window.from, window.to);
  return days > DAILY_UP_TO_DAYS ? "week" : "day";
}

export function bucketOf(state: ReportState): Bucket {
  return state.bucket ?? defaultBucket(state.window);
}

/** Accepts URLSearchParams or Next's searchParams object. */
export function toParams(input: Params | Record<string, string | string[] | undefined>): Params {
  if (typeof (input as Params).get === "function") return input as Params;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) {
    // A repeated parameter is ambiguous: treat it as absent.
    if (typeof v === "string") params.set(k, v);
  }
  return params;
}

export function parseReportState(input: Params | Record<string, string | string[] | undefined>): ReportState {
  const p = toParams(input);
  const from = read(p, "from", ZDate);
  const to = read(p, "to", ZDate);
  const window: ReportWindow =
    from && to && from <= to
      ? { kind: "range", from, to }
      : { kind: "period", period: read(p, "period", z.enum(PERIODS)) ?? DEFAULT_PERIOD };

  let drill: DrillState | null = null;
  if (p.get("drill") === "1") {
    const dFrom = read(p, "d_from", ZInstant);
    const dTo = read(p, "d_to", ZInstant);
    const dLabel = read(p, "d_bucket", ZDate);
    const min = read(p, "d_min", ZSeconds);
    const max = read(p, "d_max", ZSeconds);
    const rows = read(p, "rows", z.coerce.number().int().min(PAGE_ROWS).max(MAX_ROWS));
    drill = {
      bucket: dFrom && dTo && dLabel && dFrom < dTo ? { label: dLabel, from: dFrom, to: dTo } : undefined,
      band: min !== undefined && (max === undefined || min < max) ? { min, max } : undefined,
      action: read(p, "d_action", z.enum(["with", "without"])),
      engineer: read(p, "d_engineer", ZPgUuid),
      priority: read(p, "d_priority", ZText),
      rows: rows ? Math.ceil(rows / PAGE_ROWS) * PAGE_ROWS : PAGE_ROWS,
    };
  }

  return {
    window,
    bucket: read(p, "bucket", z.enum(BUCKETS)),
    engineer: read(p, "engineer", ZPgUuid),
    priority: read(p, "priority", ZText),
    trendView: p.get("trend") === "table" ? "table" : "chart",
    sort: { engineer: read(p, "sort_engineer", ZSort) ?? DEFAULT_SORT, priority: read(p, "sort_priority", ZSort) ?? DEFAULT_SORT },
    drill,
  };
}

const sortText = (s: Sort) => `${s.key}.${s.dir}`;

/** The URL's query string for a state; defaults are left out, so URLs stay short. */
export function reportSearch(state: ReportState): string {
  const p = new URLSearchParams();
  if (state.window.kind === "period") p.set("period", state.window.period);
  else {
    p.set("from", state.window.from);
    p.set("to", state.window.to);
  }
  if (state.bucket && state.bucket !== defaultBucket(state.window)) p.set("bucket", state.bucket);
  if (state.engineer) p.set("engineer", state.engineer);
  if (state.priority) p.set("priority", state.priority);
  if (state.trendView === "table") p.set("trend", "table");
  if (sortText(state.sort.engineer) !== sortText(DEFAULT_SORT)) p.set("sort_engineer", sortText(state.sort.engineer));
  if (sortText(state.sort.priority) !== sortText(DEFAULT_SORT)) p.set("sort_priority", sortText(state.sort.priority));
  const d = state.drill;
  if (d) {
    p.set("drill", "1");
    if (d.bucket) {
      p.set("d_bucket", d.bucket.label);
      p.set("d_from", d.bucket.from);
      p.set("d_to", d.bucket.to);
    }
    if (d.band) {
      p.set("d_min", String(d.band.min));
      if (d.band.max !== undefined) p.set("d_max", String(d.band.max));
    }
    if (d.action) p.set("d_action", d.action);
    if (d.engineer) p.set("d_engineer", d.engineer);
    if (d.priority) p.set("d_priority", d.priority);
    if (d.rows !== PAGE_ROWS) p.set("rows", String(d.rows));
  }
  return p.toString();
}

/** The report's window parameters for the API, once a range's instants are known. */
export type WindowParams = { period: Period } | { from: string; to: string };

/** The shared parameters of every report query: the window and the page's filters. */
export function reportInput(window: WindowParams, state: Pick<ReportState, "engineer" | "priority">) {
  return {
    ...window,
    ...(state.engineer ? { engineer: state.engineer } : {}),
    ...(state.priority ? { priority: state.priority } : {}),
  };
}

/**
 * The drill-down's filters over the page's window: a bucket narrows the
 * window to its own bounds, the drill's engineer/priority stand in for the
 * page's. The same object is the JSON query's input and the CSV's query
 * string, so the download has exactly the rows of the list.
 */
export function drillInput(window: WindowParams, state: Pick<ReportState, "engineer" | "priority">, drill: DrillState) {
  const w: WindowParams = drill.bucket ? { from: drill.bucket.from, to: drill.bucket.to } : window;
  const engineer = drill.engineer ?? state.engineer;
  const priority = drill.priority ?? state.priority;
  return {
    ...w,
    ...(engineer ? { engineer } : {}),
    ...(priority ? { priority } : {}),
    ...(drill.action ? { action: drill.action } : {}),
    ...(drill.band ? { min_seconds: drill.band.min } : {}),
    ...(drill.band?.max !== undefined ? { max_seconds: drill.band.max } : {}),
  };
}

export function csvHref(input: ReturnType<typeof drillInput>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) p.set(k, String(v));
  return `${HANDOFFS_CSV_PATH}?${p.toString()}`;
}

/**
 * A series bucket's bounds as a drill-down window. Buckets are [start, end)
 * except the last, which is closed at window_end, while the API's `to` is
 * inclusive: an inner bucket therefore ends one microsecond before the next
 * one starts, so no handoff is listed under two buckets.
 */
export function bucketWindow(bucket: { start: string; end: string }, last: boolean): { from: string; to: string } {
  if (last) return { from: bucket.start, to: bucket.end };
  const endMs = Date.parse(bucket.end);
  // Response bounds are whole milliseconds: end − 1 µs is the millisecond before, plus 999 µs.
  const before = new Date(endMs - 1).toISOString().replace("Z", "999Z");
  return { from: bucket.start, to: before };
}
