"use client";
import { useId } from "react";

/**
 * A segmented control built on native radio inputs: the browser provides the
 * radio-group semantics, Tab into the group, and arrow keys that move the
 * selection (and fire onChange) without any script of ours.
 */
export function RadioToggle<T extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label={label} className="inline-flex rounded-lg border border-border bg-surface p-0.5 shadow-card">
      {options.map((o) => (
        <label key={o.value} className="relative cursor-pointer">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            className="peer sr-only"
          />
          <span className="block rounded-md px-3 py-1.5 text-sm font-medium text-muted transition-colors peer-checked:bg-accent peer-checked:text-accent-ink peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent hover:text-ink peer-checked:hover:text-accent-ink">
            {o.label}
          </span>
        </label>
      ))}
    </div>
  );
}
