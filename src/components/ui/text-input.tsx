/**
 * The app's text inputs: one look for every form field, and a labelled
 * field for the common case of a caption above its input.
 */
import type { InputHTMLAttributes, ReactNode } from "react";

export const textInputClass =
  "block w-full rounded-md border border-border bg-canvas px-3 py-2 text-base placeholder:text-muted disabled:opacity-70";

export function TextInput({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={className ? `${textInputClass} ${className}` : textInputClass} />;
}

/** A caption and its input, the label wrapping both so no id is needed. */
export function LabelledInput({ label, ...props }: { label: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">{label}</span>
      <TextInput {...props} />
    </label>
  );
}
