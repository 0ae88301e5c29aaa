import type { Metadata } from "next";
import { api, HydrateClient } from "@/trpc/server";
import { requireUser } from "@/server/auth/session";
import { can } from "@/server/auth/policy";
import { DEFAULT_PERIOD, ZPeriod } from "@/server/api/routers/analytics/escalations.types";
import { EscalationsAnalytics } from "./escalations-analytics";

export const metadata: Metadata = { title: "Escalation analytics" };

export default async function EscalationsAnalyticsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/analytics/escalations");
  // An unknown ?period= (a mistyped shared link) falls back to the default
  // rather than an error page; the toggle then shows what is displayed.
  const parsed = ZPeriod.safeParse((await searchParams).period);
  const period = parsed.success ? parsed.data : DEFAULT_PERIOD;
  const canSeeMetric = can(user, "readAnalytics");
  if (canSeeMetric) await api.analytics.escalations.prefetch({ period });
  return (
    <HydrateClient>
      <EscalationsAnalytics initialPeriod={period} canSeeMetric={canSeeMetric} />
    </HydrateClient>
  );
}
