import type { TSavingsOutput } from "@/server/api/routers/savings/summary.types";
import { formatCount, formatDuration, formatSecondsExact } from "@/lib/format";

/** Baseline and in-product side by side: n, median, p95, average. */
export function ComparisonTable({ summary }: { summary: Pick<TSavingsOutput, "baseline" | "in_product"> }) {
  const sides = [
    { id: "baseline", label: "Manual baseline", note: "all stopwatch timings", data: summary.baseline },
    { id: "in-product", label: "In FlowPilot", note: "claimed handoffs in the window", data: summary.in_product },
  ] as const;
  const rows = [
    { id: "n", label: "n", value: (d: (typeof sides)[number]["data"]) => formatCount(d.n), exact: null },
    { id: "median", label: "Median", value: (d: (typeof sides)[number]["data"]) => formatDuration(d.median_seconds), exact: "median_seconds" },
    { id: "p95", label: "p95", value: (d: (typeof sides)[number]["data"]) => formatDuration(d.p95_seconds), exact: "p95_seconds" },
    { id: "avg", label: "Average", value: (d: (typeof sides)[number]["data"]) => formatDuration(d.avg_seconds), exact: "avg_seconds" },
  ] as const;
  return (
    <table className="w-full text-sm" data-testid="savings-comparison">
      <caption className="sr-only">Manual baseline and in-product time to first action</caption>
      <thead>
        <tr className="border-b border-border text-left">
          <th scope="col" className="py-2 pr-3 font-medium text-muted">
            <span className="sr-only">Statistic</span>
          </th>
          {sides.map((s) => (
            <th key={s.id} scope="col" className="py-2 pr-3 text-right font-semibold">
              {s.label}
              <span className="block text-xs font-normal text-muted">{s.note}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-border last:border-0">
            <th scope="row" className="py-2 pr-3 text-left font-medium text-muted">
              {r.label}
            </th>
            {sides.map((s) => (
              <td
                key={s.id}
                className="tabular py-2 pr-3 text-right text-base font-semibold"
                data-testid={`${s.id}-${r.id}`}
                data-seconds={r.exact ? (s.data[r.exact] ?? "") : undefined}
                title={r.exact ? formatSecondsExact(s.data[r.exact]) : undefined}
              >
                {r.value(s.data)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
