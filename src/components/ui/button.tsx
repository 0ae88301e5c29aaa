import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "ghost" | "danger" | "danger-secondary";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-accent text-accent-ink hover:opacity-90 disabled:opacity-60",
  secondary: "border border-border bg-surface text-ink hover:bg-subtle disabled:opacity-60",
  ghost: "text-muted hover:bg-subtle hover:text-ink",
  /** the confirming action of something that cannot be undone */
  danger: "bg-danger text-white hover:opacity-90 disabled:opacity-60",
  /** opens such a confirmation */
  "danger-secondary": "border border-border bg-surface text-danger hover:bg-subtle disabled:opacity-60",
};

export function buttonClass(variant: Variant = "primary", extra = "") {
  return `inline-flex items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${extra}`;
}

export function Button({
  variant = "primary",
  className = "",
  type = "button",
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={buttonClass(variant, className)} {...rest} />;
}
