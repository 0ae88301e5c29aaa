import type { Metadata } from "next";
import { api, HydrateClient } from "@/trpc/server";
import { requireUser } from "@/server/auth/session";
import { can } from "@/server/auth/policy";
import {
  bucketOf, drillInput, PAGE_ROWS, parseReportState, reportInput, type ReportState, type WindowParams,
} from "@/components/analytics/report-state";
import { EscalationsAnalytics } from "./escalations-analytics";

export const metadata: Metadata = { title: "Escalation analytics" };

/** The window's API parameters; a range's instants come from the server's calendar (null when it is refused). */
async function windowParams(state: ReportState): Promise<WindowParams | null> {
  if (state.window.kind === "period") return { period: state.window.period };
  const days = { from: state.window.from, to: state.window.to };
  // Cached for the browser (which reads the range from it), and read here for the other queries.
  await api.analytics.localRange.prefetch(days);
  try {
    const range = await api.analytics.localRange(days);
    return { from: range.from, to: range.to };
  } catch {
    return null;
  }
}

export default async function EscalationsAnalyticsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/analytics/escalations");
  const canSeeMetric = can(user, "readAnalytics");
  // The same reading of the URL as the browser's; a bad value falls back to its default.
  const state = parseReportState(await searchParams);
  const window = canSeeMetric ? await windowParams(state) : null;
  if (window) {
    const input = reportInput(window, state);
    // The panels' queries stream to the browser as they finish (pending queries are dehydrated too)…
    void api.analytics.escalationsSeries.prefetch({ ...input, bucket: bucketOf(state) });
    void api.analytics.escalationsDistribution.prefetch(input);
    void api.analytics.escalationsBreakdown.prefetch({ ...input, by: "engineer" });
    void api.analytics.escalationsBreakdown.prefetch({ ...input, by: "priority" });
    if (state.drill) {
      void api.analytics.escalationsHandoffs.prefetchInfinite(
        { ...drillInput(window, state, state.drill), limit: PAGE_ROWS },
        { getNextPageParam: (page) => page.next_cursor ?? undefined },
      );
    }
    // …while the first paint waits for the headline numbers.
    await api.analytics.escalations.prefetch({ ...input, compare: "previous" });
  }
  return (
    <HydrateClient>
      <EscalationsAnalytics canSeeMetric={canSeeMetric} />
    </HydrateClient>
  );
}
