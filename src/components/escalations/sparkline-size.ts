/** The sparkline's point and box, apart from the chart so the card can reserve its space without loading recharts. */
export type SparkPoint = { label: string; median_seconds: number | null };

export const SPARKLINE_SIZE = { width: 120, height: 32 } as const;
