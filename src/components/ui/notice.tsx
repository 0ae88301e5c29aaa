type Tone = "neutral" | "danger" | "warning";

const TONES: Record<Tone, string> = {
  neutral: "border-border bg-subtle text-muted",
  danger: "border-danger/40 bg-danger-soft text-danger",
  warning: "border-warning/40 bg-warning-soft text-warning",
};

/** A short message in place of content: empty lists, errors, role notes. */
export function Notice({
  tone = "neutral",
  children,
  action,
  testId,
}: {
  tone?: Tone;
  children: React.ReactNode;
  action?: React.ReactNode;
  testId?: string;
}) {
  return (
    <div
      role={tone === "danger" ? "alert" : undefined}
      data-testid={testId}
      className={`flex flex-wrap items-center justify-between gap-3 rounded-lg border px-4 py-3 text-sm ${TONES[tone]}`}
    >
      <div className="min-w-0">{children}</div>
      {action}
    </div>
  );
}
