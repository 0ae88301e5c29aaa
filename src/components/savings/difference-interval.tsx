import { formatSigned } from "./verdict-sentence";

/**
 * The median difference drawn as an interval: the 95 % range as a bar, the
 * point estimate as a tick, and zero (no change) as a line, on one axis.
 * Plain SVG so it renders the same on the server, in print and in a PDF.
 */
export function DifferenceInterval({
  difference,
  ci95,
  width = 560,
}: {
  difference: number;
  ci95: { low: number; high: number };
  width?: number;
}) {
  const height = 64;
  const pad = 16;
  const lo = Math.min(0, ci95.low, difference);
  const hi = Math.max(0, ci95.high, difference);
  const margin = (hi - lo || 1) * 0.08;
  const x = (v: number) => pad + ((v - (lo - margin)) / (hi - lo + 2 * margin || 1)) * (width - 2 * pad);
  const y = 26;
  const label = `Median difference ${formatSigned(difference)}, 95 % interval ${formatSigned(ci95.low)} to ${formatSigned(ci95.high)}; positive means FlowPilot is faster.`;
  return (
    <figure className="flex flex-col gap-1" data-testid="difference-interval">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="h-auto w-full max-w-full">
        <line x1={x(0)} x2={x(0)} y1={6} y2={height - 18} stroke="currentColor" strokeDasharray="3 3" className="text-muted" />
        <text x={x(0)} y={height - 4} textAnchor="middle" fontSize="11" fill="currentColor" className="text-muted">
          no change
        </text>
        <rect
          x={x(ci95.low)}
          y={y - 7}
          width={Math.max(2, x(ci95.high) - x(ci95.low))}
          height={14}
          rx={7}
          className="fill-accent/30 stroke-accent"
        />
        <line x1={x(difference)} x2={x(difference)} y1={y - 12} y2={y + 12} strokeWidth={3} className="stroke-accent" />
        <text x={x(ci95.low)} y={y - 12} textAnchor="middle" fontSize="11" fill="currentColor">
          {formatSigned(ci95.low)}
        </text>
        <text x={x(ci95.high)} y={y - 12} textAnchor="middle" fontSize="11" fill="currentColor">
          {formatSigned(ci95.high)}
        </text>
      </svg>
      <figcaption className="text-xs text-muted">
        Baseline median − FlowPilot median: {formatSigned(difference)} (bar: 95 % interval; right of the dashed line means FlowPilot is faster).
      </figcaption>
    </figure>
  );
}
