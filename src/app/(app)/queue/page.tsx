import type { Metadata } from "next";
import { api, HydrateClient } from "@/trpc/server";
import { requireUser } from "@/server/auth/session";
import { can } from "@/server/auth/policy";
import { CARD_METRIC_INPUT, CARD_SERIES_INPUT } from "./card-inputs";
import { QueueView } from "./queue-view";

export const metadata: Metadata = { title: "Queue" };

export default async function QueuePage() {
  const user = await requireUser("/queue");
  const canClaim = can(user, "claim");
  const canSeeMetric = can(user, "readAnalytics");
  // Awaited, so the first paint already has the lists and the card's numbers.
  await Promise.all([
    api.queue.open.prefetch(),
    api.queue.recentClaims.prefetch(),
    canSeeMetric ? api.analytics.escalations.prefetch(CARD_METRIC_INPUT) : null,
    canSeeMetric ? api.analytics.escalationsSeries.prefetch(CARD_SERIES_INPUT) : null,
  ]);
  return (
    <HydrateClient>
      <QueueView canClaim={canClaim} canSeeMetric={canSeeMetric} />
    </HydrateClient>
  );
}
