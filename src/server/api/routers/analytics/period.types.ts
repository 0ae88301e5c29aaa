/** The fixed window lengths, shared by the metric and every report endpoint. */
import { z } from "zod";

export const PERIODS = ["7d", "30d", "90d"] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD = "30d" satisfies Period;
/** The window of the queue's stat-card. */
export const QUEUE_CARD_PERIOD = DEFAULT_PERIOD satisfies Period;
export const PERIOD_DAYS = { "7d": 7, "30d": 30, "90d": 90 } as const satisfies Record<Period, number>;
/** For sentences: "No claimed escalations in the last 30 days." */
export const PERIOD_WORDS = { "7d": "7 days", "30d": "30 days", "90d": "90 days" } as const satisfies Record<Period, string>;

export const ZPeriod = z.enum(PERIODS).meta({
  description: "Window length, ending now. 7d, 30d or 90d; 30d when omitted.",
});
