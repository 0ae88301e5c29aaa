/**
 * How every recharts chart draws its grid and axes: from the app's colour
 * variables, so light and dark themes apply without per-chart code.
 */
export const chartAxis = { stroke: "var(--color-muted)", fontSize: 11 } as const;
export const chartGrid = { stroke: "var(--color-border)" } as const;
