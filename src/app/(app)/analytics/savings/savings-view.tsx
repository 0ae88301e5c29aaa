"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { PERIODS, type Period } from "@/server/api/routers/analytics/escalations.types";
import { RadioToggle } from "@/components/ui/radio-toggle";
import { Notice } from "@/components/ui/notice";
import { buttonClass } from "@/components/ui/button";
import { ComparisonPanel } from "./comparison-panel";
import { StopwatchPanel } from "./stopwatch-panel";
import { ImportPanel } from "./import-panel";
import { TimingsPanel } from "./timings-panel";

const PERIOD_OPTIONS = PERIODS.map((p) => ({ value: p, label: p }));

export function SavingsView({ initialPeriod, canRead, canManage }: { initialPeriod: Period; canRead: boolean; canManage: boolean }) {
  const pathname = usePathname();
  const [period, setPeriod] = useState<Period>(initialPeriod);
  const choose = (next: Period) => {
    setPeriod(next);
    window.history.replaceState(window.history.state, "", `${pathname}?period=${next}`);
  };
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">Savings</h1>
          <p className="text-sm text-muted">The manual baseline (stopwatch timings of verbal handoffs) against time to first action in FlowPilot.</p>
        </div>
        {canRead ? (
          <div className="flex flex-wrap items-center gap-2">
            <RadioToggle label="Period" options={PERIOD_OPTIONS} value={period} onChange={choose} />
            <Link href={`/analytics/savings/report?period=${period}`} className={buttonClass("secondary")} data-testid="report-link">
              Pilot report
            </Link>
          </div>
        ) : null}
      </div>
      {canRead ? (
        <>
          <ComparisonPanel period={period} />
          <div className="grid gap-6 lg:grid-cols-2">
            <Panel title="Stopwatch" id="stopwatch-heading">
              <StopwatchPanel />
            </Panel>
            <Panel title="Baseline timings" id="timings-heading">
              <TimingsPanel canDelete={canManage} />
            </Panel>
          </div>
          {canManage ? (
            <Panel title="Import a CSV file" id="import-heading">
              <ImportPanel />
            </Panel>
          ) : null}
        </>
      ) : (
        <Notice testId="savings-viewer-note">
          The savings comparison and the baseline are for engineers, admins and owners; your role is viewer.
        </Notice>
      )}
    </div>
  );
}

export function Panel({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex min-w-0 flex-col gap-4 rounded-xl border border-border bg-surface p-4 shadow-card sm:p-5">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
