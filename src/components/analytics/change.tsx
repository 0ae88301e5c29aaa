import { describeChange, formatDuration } from "@/lib/format";

/**
 * A time against the previous period, as the headline shows it: lower is
 * better for a response time, so a fall is green and a rise red, with an
 * arrow and words as well (the comparison rule itself is describeChange's).
 */
export function Change({ current, previous, testId }: { current: number | null; previous: number | null | undefined; testId?: string }) {
  if (previous === undefined) return null;
  const change = describeChange(current, previous);
  if (change.kind === "none") {
    return (
      <span data-testid={testId} data-change="none" className="text-xs text-muted">
        no previous value to compare
      </span>
    );
  }
  if (change.kind === "same") {
    return (
      <span data-testid={testId} data-change="same" className="text-xs text-muted">
        <span aria-hidden="true">→ </span>same as before ({formatDuration(previous)})
      </span>
    );
  }
  const better = change.kind === "better";
  return (
    <span data-testid={testId} data-change={change.kind} className="tabular text-xs">
      <span className={`font-semibold ${better ? "text-success" : "text-danger"}`}>
        <span aria-hidden="true">{better ? "↓" : "↑"} </span>
        {change.percent} {better ? "faster" : "slower"}
      </span>{" "}
      <span className="text-muted">than {formatDuration(previous)} before</span>
    </span>
  );
}
