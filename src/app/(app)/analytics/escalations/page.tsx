import type { Metadata } from "next";
import { api, HydrateClient } from "@/trpc/server";
import { requireUser } from "@/server/auth/session";
import { can } from "@/server/auth/policy";
import { bucketOf, parseReportState, reportInput } from "@/components/analytics/report-state";
import { EscalationsAnalytics } from "./escalations-analytics";

export const metadata: Metadata = { title: "Escalation analytics" };

export default async function EscalationsAnalyticsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/analytics/escalations");
  // The same reading of the URL as the browser's; a bad value falls back to its default.
  const state = parseReportState(await searchParams);
  if (can(user, "readAnalytics")) {
    if (state.window.kind === "period") {
      const input = reportInput({ period: state.window.period }, state);
      // The rest stream to the browser as they finish (pending queries are dehydrated too)…
      void api.analytics.escalationsSeries.prefetch({ ...input, bucket: bucketOf(state) });
      void api.analytics.escalationsDistribution.prefetch(input);
      void api.analytics.escalationsBreakdown.prefetch({ ...input, by: "engineer" });
      void api.analytics.escalationsBreakdown.prefetch({ ...input, by: "priority" });
      // …while the first paint waits for the headline numbers.
      await api.analytics.escalations.prefetch({ ...input, compare: "previous" });
    } else {
      await api.analytics.localRange.prefetch({ from: state.window.from, to: state.window.to });
    }
  }
  return (
    <HydrateClient>
      <EscalationsAnalytics canSeeMetric={can(user, "readAnalytics")} />
    </HydrateClient>
  );
}
