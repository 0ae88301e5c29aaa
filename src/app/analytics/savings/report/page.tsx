/**
 * The pilot report: one printable page for a client meeting. Outside the
 * (app) layout on purpose: no navigation or other app chrome, light colours
 * whatever the theme, and print CSS for A4/Letter.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { api } from "@/trpc/server";
import { requireUser } from "@/server/auth/session";
import { can } from "@/server/auth/policy";
import { getDb } from "@/server/db/client";
import { inAccountScope } from "@/server/db/scope";
import { DEFAULT_PERIOD, ZPeriod } from "@/server/api/routers/analytics/escalations.types";
import { ComparisonTable } from "@/components/savings/comparison-table";
import { DifferenceInterval } from "@/components/savings/difference-interval";
import { DistributionChart } from "@/components/savings/distribution-chart";
import { minutesRecoveredSentence, verdictSentence } from "@/components/savings/verdict-sentence";
import { formatTimestamp } from "@/lib/format";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Pilot report" };
export const dynamic = "force-dynamic";

// The app's light palette, pinned here so a dark-themed screen still prints black on white.
const LIGHT = {
  "--color-canvas": "#ffffff", "--color-surface": "#ffffff", "--color-subtle": "#f0f2f5", "--color-border": "#d5d9e0",
  "--color-ink": "#14171c", "--color-muted": "#4a5363", "--color-accent": "#3b5bdb", "--color-accent-ink": "#ffffff",
  "--color-warning": "#a35b00", "--color-success": "#237a34", "--color-danger": "#c92a2a", colorScheme: "light",
} as React.CSSProperties;

export default async function PilotReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = ZPeriod.safeParse((await searchParams).period);
  const period = parsed.success ? parsed.data : DEFAULT_PERIOD;
  const user = await requireUser(`/analytics/savings/report?period=${period}`);
  if (!can(user, "readAnalytics")) {
    return (
      <main className="mx-auto max-w-2xl p-8" style={LIGHT}>
        <p data-testid="report-forbidden">The pilot report is for engineers, admins and owners; your role is {user.role}.</p>
      </main>
    );
  }
  const [summary, distributions, account] = await Promise.all([
    api.savings.summary({ period }),
    api.savings.distributions({ period }),
    // Outside tRPC, so in the caller's database scope by hand (db/scope.ts).
    inAccountScope(getDb(), user.accountId, (db) =>
      db.account.findUniqueOrThrow({ where: { id: user.accountId }, select: { name: true } })),
  ]);

  return (
    <div className="min-h-screen bg-canvas text-ink print:min-h-0" style={LIGHT}>
      <style>{"@page { size: A4; margin: 14mm; } @media print { html, body { background: #fff; } }"}</style>
      <main className="mx-auto flex max-w-[46rem] flex-col gap-6 px-6 py-8 print:max-w-none print:p-0" data-testid="pilot-report">
        <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
          <Link href={`/analytics/savings?period=${period}`} className="text-sm text-accent underline">
            ← Back to Savings
          </Link>
          <PrintButton />
        </div>
        <header className="flex flex-col gap-1 border-b border-border pb-4">
          <p className="text-xs font-semibold uppercase tracking-wide text-muted">FlowPilot pilot report</p>
          <h1 className="text-2xl font-semibold tracking-tight">Time to first action: manual baseline against FlowPilot</h1>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted">Account</dt>
            <dd data-testid="report-account">{account.name}</dd>
            <dt className="text-muted">FlowPilot window</dt>
            <dd data-testid="report-window">
              {/* data-live: text that moves with the clock (README screenshots hide it). */}
              <time dateTime={summary.window_start} data-live="">
                {formatTimestamp(summary.window_start)}
              </time>{" "}
              →{" "}
              <time dateTime={summary.window_end} data-live="">
                {formatTimestamp(summary.window_end)}
              </time>{" "}
              (last {period})
            </dd>
            <dt className="text-muted">Manual baseline</dt>
            <dd>
              {summary.baseline.n} stopwatch timings
              {summary.baseline.measured_from && summary.baseline.measured_to
                ? `, ${formatTimestamp(summary.baseline.measured_from)} → ${formatTimestamp(summary.baseline.measured_to)}`
                : ""}
            </dd>
          </dl>
        </header>

        <section aria-labelledby="verdict-heading" className="break-inside-avoid">
          <h2 id="verdict-heading" className="sr-only">Verdict</h2>
          <p className="text-lg font-semibold" data-testid="report-verdict" data-verdict={summary.verdict}>
            {verdictSentence(summary)}
          </p>
          {minutesRecoveredSentence(summary) ? (
            <p className="mt-1 text-sm" data-testid="report-minutes-recovered">
              {minutesRecoveredSentence(summary)}
            </p>
          ) : null}
        </section>

        <section aria-labelledby="numbers-heading" className="flex flex-col gap-3 break-inside-avoid">
          <h2 id="numbers-heading" className="text-base font-semibold">Both metrics</h2>
          <ComparisonTable summary={summary} />
          {summary.ci95 && summary.median_difference_seconds !== null ? (
            <DifferenceInterval difference={summary.median_difference_seconds} ci95={summary.ci95} width={640} />
          ) : null}
        </section>

        {distributions.baseline.length + distributions.in_product.length > 0 ? (
          <section aria-labelledby="chart-heading" className="flex flex-col gap-2 break-inside-avoid">
            <h2 id="chart-heading" className="text-base font-semibold">Both distributions</h2>
            <DistributionChart
              baseline={distributions.baseline}
              inProduct={distributions.in_product}
              baselineMedian={summary.baseline.median_seconds}
              inProductMedian={summary.in_product.median_seconds}
              width={640}
            />
          </section>
        ) : null}

        <section aria-labelledby="method-heading" className="flex flex-col gap-2 text-sm">
          <h2 id="method-heading" className="text-base font-semibold">Method</h2>
          <p data-testid="report-method">{summary.method}</p>
          <h2 className="text-base font-semibold">What the two metrics are</h2>
          <p data-testid="report-definition">{summary.metric_definition}</p>
        </section>
        <footer className="border-t border-border pt-2 text-xs text-muted">
          Generated{" "}
          <time dateTime={summary.window_end} data-live="">
            {formatTimestamp(summary.window_end)}
          </time>{" "}
          by FlowPilot.
        </footer>
      </main>
    </div>
  );
}
