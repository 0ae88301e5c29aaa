/**
 * A form's error line: announced when it appears (role="alert"), and with an
 * `id` that the form's inputs name in aria-describedby. Renders nothing
 * without an error.
 */
import type { ReactNode } from "react";

export function FormError({ id, children }: { id?: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} role="alert" className="text-sm text-danger">
      {children}
    </p>
  );
}
