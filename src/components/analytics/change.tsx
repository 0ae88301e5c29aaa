import { formatDuration } from "@/lib/format";

/**
 * The relative change of a time against the previous period, as the page
 * shows it: lower is better for a response time, so a fall is green and a
 * rise red. Returned as data so the tile and its tests read the same rule.
 */
export type ChangeView =
  | { kind: "none"; text: string }
  | { kind: "same"; text: string }
  | { kind: "better" | "worse"; text: string; arrow: "↓" | "↑"; percent: string };

export function changeOf(current: number | null, previous: number | null | undefined): ChangeView {
  if (previous === undefined) return { kind: "none", text: "" };
  if (current === null || previous === null || previous === 0) return { kind: "none", text: "no previous value to compare" };
  const pct = ((current - previous) / previous) * 100;
  const shown = Math.abs(pct).toLocaleString("en-US", { maximumFractionDigits: Math.abs(pct) < 10 ? 1 : 0 });
  if (shown === "0") return { kind: "same", text: `no change from ${formatDuration(previous)}` };
  return pct < 0
    ? { kind: "better", arrow: "↓", percent: `${shown}%`, text: `faster than ${formatDuration(previous)} before` }
    : { kind: "worse", arrow: "↑", percent: `${shown}%`, text: `slower than ${formatDuration(previous)} before` };
}

const TONE = { better: "text-success", worse: "text-danger", same: "text-muted", none: "text-muted" } as const;

/** "↓ 12% faster than 1m 30s before": arrow, colour and words, so colour is never the only cue. */
export function Change({ current, previous, testId }: { current: number | null; previous: number | null | undefined; testId?: string }) {
  const c = changeOf(current, previous);
  if (c.kind === "none" && !c.text) return null;
  return (
    <span data-testid={testId} data-change={c.kind} className={`text-xs font-medium ${TONE[c.kind]}`}>
      {"arrow" in c ? (
        <>
          <span aria-hidden="true">{c.arrow}</span> {c.percent}{" "}
        </>
      ) : null}
      <span className={c.kind === "better" || c.kind === "worse" ? "" : "text-muted"}>{c.text}</span>
    </span>
  );
}
