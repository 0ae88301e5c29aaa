"use client";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { LabelledInput } from "@/components/ui/text-input";
import { ENGINEER_NAME_MAX, NOTE_MAX } from "@/server/savings/timing-rules";

/** Elapsed time as a stopwatch shows it: "02:03.4", "1:02:03.4". */
export function formatStopwatch(seconds: number): string {
  const tenths = Math.floor(Math.max(0, seconds) * 10);
  const h = Math.floor(tenths / 36_000);
  const m = Math.floor((tenths % 36_000) / 600);
  const s = Math.floor((tenths % 600) / 10);
  const t = tenths % 10;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h ? `${h}:${mm}:${ss}.${t}` : `${mm}:${ss}.${t}`;
}

export type StopwatchPhase = "idle" | "running" | "saving" | "unsaved";

/**
 * The stopwatch's face: the elapsed time, Start/Stop (a native button, so
 * Space and Enter work), the optional name and note, and what happened to the
 * last timing. State and persistence belong to the container.
 */
export function Stopwatch({
  ready = true,
  phase,
  elapsedSeconds,
  engineerName,
  note,
  message,
  error,
  onEngineerName,
  onNote,
  onStart,
  onStop,
  onRetry,
  onDiscard,
}: {
  /** false until the container has read any running timing from storage */
  ready?: boolean;
  phase: StopwatchPhase;
  elapsedSeconds: number;
  engineerName: string;
  note: string;
  message?: string | null;
  error?: string | null;
  onEngineerName: (value: string) => void;
  onNote: (value: string) => void;
  onStart: () => void;
  onStop: () => void;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const id = useId();
  const running = phase === "running";
  return (
    <div className="flex flex-col gap-4" data-testid="stopwatch" data-phase={phase} data-ready={ready}>
      <div className="flex flex-wrap items-center gap-4">
        <output
          role="timer"
          aria-label="Elapsed time"
          data-testid="stopwatch-elapsed"
          className="tabular min-w-[8ch] font-mono text-4xl font-semibold tracking-tight"
        >
          {formatStopwatch(elapsedSeconds)}
        </output>
        {phase === "idle" || phase === "running" ? (
          <Button
            onClick={running ? onStop : onStart}
            className="min-w-28 px-5 py-2.5 text-base"
            aria-describedby={`${id}-hint`}
            data-testid="stopwatch-toggle"
          >
            {running ? "Stop" : "Start"}
          </Button>
        ) : null}
        {phase === "unsaved" ? (
          <Button onClick={onRetry} className="px-5 py-2.5 text-base">
            Save again
          </Button>
        ) : null}
        {running || phase === "unsaved" ? (
          <Button variant="ghost" onClick={onDiscard}>
            Discard
          </Button>
        ) : null}
      </div>
      <p id={`${id}-hint`} className="text-xs text-muted">
        Start when the verbal handoff begins, Stop at the engineer&apos;s first action. Space or Enter on the button
        works too. A running stopwatch survives a reload of this page.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {[
          { label: "Engineer (optional)", value: engineerName, onChange: onEngineerName, maxLength: ENGINEER_NAME_MAX },
          { label: "Note (optional)", value: note, onChange: onNote, maxLength: NOTE_MAX },
        ].map((field) => (
          <LabelledInput
            key={field.label}
            label={field.label}
            value={field.value}
            onChange={(e) => field.onChange(e.target.value)}
            maxLength={field.maxLength}
            autoComplete="off"
          />
        ))}
      </div>
      <div aria-live="polite" className="text-sm">
        {error ? (
          <p role="alert" className="text-danger" data-testid="stopwatch-error">
            {error}
          </p>
        ) : message ? (
          <p className="text-success" data-testid="stopwatch-message">
            {message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
