// Priority is free text written by other services; known values get a colour.
const STYLES: Record<string, string> = {
  urgent: "bg-danger-soft text-danger border-danger/30",
  high: "bg-warning-soft text-warning border-warning/30",
  normal: "bg-accent-soft text-accent border-accent/30",
  low: "bg-subtle text-muted border-border",
};

export function PriorityBadge({ priority }: { priority: string }) {
  const style = STYLES[priority.toLowerCase()] ?? STYLES.low;
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full border px-2 py-0.5 text-xs font-medium capitalize ${style}`}>
      {priority}
    </span>
  );
}
