"use client";
import { useId, useState } from "react";

/**
 * An "ⓘ" button that shows or hides an explanation in the flow of the page.
 * A disclosure rather than a hover tooltip: it works by keyboard and touch,
 * and the text can be long without overflowing a narrow screen.
 *
 * Place it in a `flex flex-wrap` row: the panel takes a full line of its own
 * at the end of that row.
 */
export function InfoDisclosure({ label, children }: { label: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={label}
        title={label}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
        }}
        className="inline-flex size-6 shrink-0 items-center justify-center rounded-full border border-border text-xs font-semibold text-muted hover:bg-subtle hover:text-ink aria-expanded:bg-accent-soft aria-expanded:text-accent"
      >
        <span aria-hidden="true">i</span>
      </button>
      <div id={id} hidden={!open} className="order-last basis-full rounded-md bg-subtle px-3 py-2 text-sm text-muted">
        {children}
      </div>
    </>
  );
}
