import type { Metadata } from "next";
import { api, HydrateClient } from "@/trpc/server";
import { requireUser } from "@/server/auth/session";
import { can } from "@/server/auth/policy";
import { QUEUE_CARD_PERIOD } from "@/server/api/routers/analytics/escalations.types";
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
    canSeeMetric ? api.analytics.escalations.prefetch({ period: QUEUE_CARD_PERIOD }) : null,
  ]);
  return (
    <HydrateClient>
      <QueueView canClaim={canClaim} canSeeMetric={canSeeMetric} />
    </HydrateClient>
  );
}
