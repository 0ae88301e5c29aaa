/**
 * The stat-card's two queries, shared by the page's server prefetch and the
 * client view so both use the same cache keys: the card's window with the
 * previous one for the change, and its daily buckets for the sparkline.
 */
import { QUEUE_CARD_PERIOD } from "@/server/api/routers/analytics/escalations.types";

export const CARD_METRIC_INPUT = { period: QUEUE_CARD_PERIOD, compare: "previous" } as const;
export const CARD_SERIES_INPUT = { period: QUEUE_CARD_PERIOD, bucket: "day" } as const;
