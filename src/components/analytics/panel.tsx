import type { ReactNode } from "react";

/** A titled card of the analytics page; `actions` sit at the right of the title. */
export function Panel({
  id,
  title,
  description,
  actions,
  children,
  testId,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      data-testid={testId}
      className="flex min-w-0 flex-col gap-3 rounded-xl border border-border bg-surface p-4 shadow-card"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={`${id}-heading`} className="text-base font-semibold" tabIndex={-1}>
            {title}
          </h2>
          {description && <p className="text-xs text-muted">{description}</p>}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Viewers' note, in place of any report panel. */
export const VIEWER_NOTE =
  "Response times are visible to engineers, admins and owners; your role is viewer. Ask an admin if you need them.";
