import type { Metadata } from "next";
import { api, HydrateClient } from "@/trpc/server";
import { requireUser } from "@/server/auth/session";
import { can } from "@/server/auth/policy";
import { DEFAULT_PERIOD, ZPeriod } from "@/server/api/routers/analytics/escalations.types";
import { SavingsView } from "./savings-view";

export const metadata: Metadata = { title: "Savings" };

export default async function SavingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/analytics/savings");
  // An unknown ?period= falls back to the default, as on the analytics page.
  const parsed = ZPeriod.safeParse((await searchParams).period);
  const period = parsed.success ? parsed.data : DEFAULT_PERIOD;
  const canRead = can(user, "readAnalytics");
  if (canRead) {
    await Promise.all([
      api.savings.summary.prefetch({ period }),
      api.savings.distributions.prefetch({ period }),
      api.savings.baselineList.prefetchInfinite({ limit: 20 }),
    ]);
  }
  return (
    <HydrateClient>
      <SavingsView initialPeriod={period} canRead={canRead} canManage={can(user, "manageBaseline")} />
    </HydrateClient>
  );
}
