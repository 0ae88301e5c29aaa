"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

type Props = { name: string; token: string; onDone: () => void };

/**
 * The one time a key's token is visible. It is not stored anywhere, so the
 * notice says so plainly and offers a copy button (with a select-all
 * fallback where the clipboard API is unavailable, e.g. plain http).
 */
export function NewKeyNotice({ name, token, onDone }: Props) {
  const [copied, setCopied] = useState<"idle" | "copied" | "manual">("idle");
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("copied");
    } catch {
      inputRef.current?.select();
      setCopied("manual");
    }
  }

  return (
    <section aria-labelledby="new-key-heading" className="rounded-lg border border-success bg-surface p-4">
      <h2 id="new-key-heading" ref={headingRef} tabIndex={-1} className="font-semibold">
        Key “{name}” created
      </h2>
      <p className="mt-1 text-sm text-muted">
        Copy it now: this is the only time it is shown. Send it as <code>Authorization: Bearer &lt;key&gt;</code>.
      </p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <label htmlFor="new-key-token" className="sr-only">
          New API key
        </label>
        <input
          id="new-key-token"
          ref={inputRef}
          readOnly
          value={token}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="new-api-key-token"
          className="min-w-0 flex-1 rounded-md border border-border bg-canvas px-3 py-2 font-mono text-sm"
        />
        <Button variant="secondary" onClick={() => void copy()}>
          Copy
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Done
        </Button>
      </div>
      <p role="status" className="mt-2 min-h-5 text-sm text-muted">
        {copied === "copied" ? "Copied to the clipboard." : copied === "manual" ? "Selected: press Ctrl+C (⌘C) to copy." : ""}
      </p>
    </section>
  );
}
