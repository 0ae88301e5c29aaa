"use client";

import { useState } from "react";

/** Copies `text` to the clipboard; says so to screen readers as well. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      // Clipboard access can be refused (insecure origin, permissions); the
      // text stays selectable in the block above.
      setState("failed");
    }
  }

  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        onClick={copy}
        className="rounded-md border border-border bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:bg-canvas"
      >
        {label}
      </button>
      <span role="status" aria-live="polite" className="text-sm text-muted">
        {state === "copied" ? "Copied." : state === "failed" ? "Could not copy; select the text instead." : ""}
      </span>
    </div>
  );
}
