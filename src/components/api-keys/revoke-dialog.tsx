"use client";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

type Props = {
  keyName: string | null;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * Confirmation before revoking. A native modal <dialog>: it traps focus,
 * closes on Escape and returns focus to the opener by itself. Cancel has
 * the initial focus so Enter does not revoke by accident.
 */
export function RevokeDialog({ keyName, pending, error, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const open = keyName !== null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby="revoke-heading"
      aria-describedby="revoke-description"
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-border bg-surface p-5 text-ink backdrop:bg-black/40"
    >
      <h2 id="revoke-heading" className="text-lg font-semibold">
        Revoke “{keyName}”?
      </h2>
      <p id="revoke-description" className="mt-2 text-sm text-muted">
        Tools using this key get 401 from their next request. This cannot be undone.
      </p>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" autoFocus onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending} aria-busy={pending}>
          {pending ? "Revoking…" : "Revoke key"}
        </Button>
      </div>
    </dialog>
  );
}
