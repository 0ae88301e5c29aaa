import type { Metadata } from "next";
import { api, HydrateClient } from "@/trpc/server";
import { requireUser } from "@/server/auth/session";
import { hasRole, ENGINEER_OR_ABOVE } from "@/server/auth/roles";
import { QUEUE_CARD_PERIOD } from "@/server/api/routers/analytics/escalations.types";
import { QueueView } from "./queue-view";

export const metadata: Metadata = { title: "Queue" };

export default async function QueuePage() {
  const user = await requireUser("/queue");
  const canWork = hasRole(user.role, ENGINEER_OR_ABOVE);
  // Awaited, so the first paint already has the lists and the card's numbers.
  await Promise.all([
    api.queue.open.prefetch(),
    api.queue.recentClaims.prefetch(),
    canWork ? api.analytics.escalations.prefetch({ period: QUEUE_CARD_PERIOD }) : null,
  ]);
  return (
    <HydrateClient>
      <QueueView canClaim={canWork} canSeeMetric={canWork} />
    </HydrateClient>
  );
}
