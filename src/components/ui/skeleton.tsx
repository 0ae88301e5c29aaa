/** A grey placeholder block; the surrounding region carries aria-busy. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <span aria-hidden="true" className={`block animate-pulse rounded-md bg-subtle ${className}`} />;
}
