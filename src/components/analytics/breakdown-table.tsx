"use client";
import { useId } from "react";
import type { TBreakdownOutput } from "@/server/api/routers/analytics/breakdown.types";
import { formatCount, formatDuration, formatRate, formatSecondsExact } from "@/lib/format";
import type { Sort, SortKey } from "./report-state";

type Group = TBreakdownOutput["groups"][number];

/** Below this many actions, p95 is the second-largest value or the largest: shown greyed, with a note. */
export const SMALL_SAMPLE = 20;

const VALUE: Record<SortKey, (g: Group) => number | string | null> = {
  label: (g) => g.label,
  n: (g) => g.n_handoffs_claimed,
  median: (g) => g.median_seconds_to_first_action,
  p95: (g) => g.p95_seconds_to_first_action,
  within: (g) => (g.n_within_target === null || g.n_handoffs_with_action === 0 ? null : g.n_within_target / g.n_handoffs_with_action),
};

/** Groups in the asked order; empty values last either way; ties keep the API's order. */
export function sortGroups(groups: Group[], sort: Sort): Group[] {
  const value = VALUE[sort.key];
  const sign = sort.dir === "asc" ? 1 : -1;
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => {
      const x = value(a.g);
      const y = value(b.g);
      if (x === null || y === null) return x === y ? a.i - b.i : x === null ? 1 : -1;
      const c = typeof x === "string" ? x.localeCompare(y as string) : x - (y as number);
      return c === 0 ? a.i - b.i : sign * c;
    })
    .map(({ g }) => g);
}

/**
 * One breakdown (by engineer or by priority) as a sortable table. Each
 * column header is a button (aria-sort on the <th>); each group's name is a
 * button that opens its handoffs. Props only.
 */
export function BreakdownTable({
  data,
  sort,
  onSort,
  onSelect,
}: {
  data: TBreakdownOutput;
  sort: Sort;
  onSort: (sort: Sort) => void;
  onSelect: (group: Group) => void;
}) {
  const noteId = useId();
  const hasTarget = data.target_seconds !== null;
  const rows = sortGroups(data.groups, sort);
  const anySmall = data.groups.some((g) => g.n_handoffs_with_action < SMALL_SAMPLE && g.p95_seconds_to_first_action !== null);
  const what = data.by === "engineer" ? "Engineer" : "Priority";
  const columns: { key: SortKey; label: string; numeric: boolean }[] = [
    { key: "label", label: what, numeric: false },
    { key: "n", label: "n", numeric: true },
    { key: "median", label: "Median", numeric: true },
    { key: "p95", label: "p95", numeric: true },
    ...(hasTarget ? [{ key: "within" as const, label: "Within target", numeric: true }] : []),
  ];
  return (
    <div className="flex flex-col gap-2">
      <table className="w-full text-sm" data-testid={`breakdown-${data.by}`}>
        <caption className="sr-only">Time to first action by {data.by}; n is claimed handoffs</caption>
        <thead>
          <tr className="border-b border-border text-xs text-muted">
            {columns.map((c) => {
              const active = sort.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
                  className={`py-2 pr-2 font-medium ${c.numeric ? "text-right" : "text-left"}`}
                >
                  <button
                    type="button"
                    onClick={() => onSort({ key: c.key, dir: active && sort.dir === "desc" ? "asc" : active ? "desc" : c.numeric ? "desc" : "asc" })}
                    className={`inline-flex items-center gap-1 hover:text-ink ${active ? "text-ink" : ""}`}
                  >
                    {c.label}
                    <span aria-hidden="true" className="w-2">{active ? (sort.dir === "asc" ? "▲" : "▼") : ""}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => {
            const small = g.n_handoffs_with_action < SMALL_SAMPLE && g.p95_seconds_to_first_action !== null;
            return (
              <tr key={g.key ?? `none-${g.label}`} className="border-b border-border last:border-0" data-testid="breakdown-row">
                <th scope="row" className="max-w-[12rem] py-1.5 pr-2 text-left font-normal">
                  {g.key === null ? (
                    <span className="text-muted" title="These handoffs cannot be listed on their own: the filter needs a value">
                      {g.label}
                    </span>
                  ) : (
                    <button
                      type="button"
                      onClick={() => onSelect(g)}
                      className="max-w-full truncate text-left text-accent hover:underline"
                      aria-label={`${g.label}: list the ${g.n_handoffs_claimed} handoffs claimed`}
                    >
                      {g.label}
                    </button>
                  )}
                </th>
                <td className="tabular py-1.5 pr-2 text-right">{formatCount(g.n_handoffs_claimed)}</td>
                <td className="tabular py-1.5 pr-2 text-right" title={formatSecondsExact(g.median_seconds_to_first_action)}>
                  {formatDuration(g.median_seconds_to_first_action)}
                </td>
                <td
                  className={`tabular py-1.5 pr-2 text-right ${small ? "text-muted" : ""}`}
                  data-small-sample={small ? "true" : undefined}
                  title={formatSecondsExact(g.p95_seconds_to_first_action)}
                  aria-describedby={small ? noteId : undefined}
                >
                  {formatDuration(g.p95_seconds_to_first_action)}
                  {small && <span aria-hidden="true">*</span>}
                </td>
                {hasTarget && (
                  <td className="tabular py-1.5 text-right">
                    {g.n_within_target === null ? "—" : formatRate(g.n_within_target, g.n_handoffs_with_action)}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {anySmall && (
        <p id={noteId} className="text-xs text-muted" data-testid={`small-sample-note-${data.by}`}>
          * Fewer than {SMALL_SAMPLE} actions: p95 on a sample this small is close to the maximum.
        </p>
      )}
    </div>
  );
}
