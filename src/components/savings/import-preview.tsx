import type { CsvLineError, CsvRow } from "@/server/savings/csv";
import { formatDuration, formatTimestamp } from "@/lib/format";

/** What a CSV file would import, or every line that stops it, before anything is written. */
export function ImportPreview({ rows, errors }: { rows: CsvRow[]; errors: CsvLineError[] }) {
  if (errors.length) {
    return (
      <div role="alert" className="flex flex-col gap-2 rounded-lg border border-danger/40 bg-danger-soft p-3 text-sm text-danger" data-testid="import-errors">
        <p className="font-semibold">
          Nothing will be imported: {errors.length} {errors.length === 1 ? "line needs" : "lines need"} fixing (the header is line 1).
        </p>
        <ul className="flex max-h-60 flex-col gap-1 overflow-y-auto">
          {errors.map((e, i) => (
            <li key={`${e.line}-${i}`} data-testid="import-error">
              <span className="font-mono font-semibold">Line {e.line}:</span> {e.reason}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const shown = rows.slice(0, 10);
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="import-preview">
      <p>
        <span className="font-semibold">{rows.length}</span> {rows.length === 1 ? "timing" : "timings"} ready to import
        {rows.length > shown.length ? `; the first ${shown.length}:` : ":"}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[28rem] text-left">
          <thead className="text-xs text-muted">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">Line</th>
              <th scope="col" className="py-1 pr-3 font-medium">Measured</th>
              <th scope="col" className="py-1 pr-3 font-medium">Time</th>
              <th scope="col" className="py-1 pr-3 font-medium">Engineer</th>
              <th scope="col" className="py-1 pr-3 font-medium">Note</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.line} className="border-t border-border">
                <td className="tabular py-1 pr-3">{r.line}</td>
                <td className="py-1 pr-3">{formatTimestamp(r.timing.measured_at)}</td>
                <td className="tabular py-1 pr-3">{formatDuration(r.timing.seconds)}</td>
                <td className="py-1 pr-3">{r.timing.engineer_name ?? "—"}</td>
                <td className="max-w-48 truncate py-1 pr-3">{r.timing.note ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
