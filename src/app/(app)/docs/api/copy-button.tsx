"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

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
      <Button variant="secondary" onClick={copy}>
        {label}
      </Button>
      <span role="status" aria-live="polite" className="text-sm text-muted">
        {state === "copied" ? "Copied." : state === "failed" ? "Could not copy; select the text instead." : ""}
      </span>
    </div>
  );
}
