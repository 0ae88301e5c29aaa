"use client";
/**
 * The stopwatch's state. The start time is written to localStorage the
 * moment Start is pressed, so a reload, a crash or a closed tab resumes the
 * running timing instead of losing it; it is removed only once the timing is
 * saved or deliberately discarded. A failed save keeps it, with the error.
 */
import { useEffect, useState } from "react";
import { api } from "@/trpc/react";
import { Stopwatch, type StopwatchPhase } from "@/components/savings/stopwatch";
import { formatDuration } from "@/lib/format";
import { errorDetail } from "@/lib/trpc-error";

const STORAGE_KEY = "flowpilot.savings.stopwatch";

type Stored = { startedAt: number; stoppedAt?: number; engineerName: string; note: string };

function readStored(): Stored | null {
  try {
    const value = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "null") as Stored | null;
    return value && typeof value.startedAt === "number" ? value : null;
  } catch {
    return null;
  }
}

const writeStored = (value: Stored | null) => {
  if (value) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
  else window.localStorage.removeItem(STORAGE_KEY);
};

export function StopwatchPanel() {
  const utils = api.useUtils();
  const add = api.savings.baselineAdd.useMutation();
  const [stored, setStored] = useState<Stored | null>(null);
  const [now, setNow] = useState(0);
  const [engineerName, setEngineerName] = useState("");
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Set once storage has been read, so nobody (a test, a person) acts on the server-rendered idle face.
  const [ready, setReady] = useState(false);

  // Resume after a reload (localStorage exists only in the browser, after hydration).
  useEffect(() => {
    const resumed = readStored();
    /* eslint-disable react-hooks/set-state-in-effect -- reading browser storage once after mount */
    setReady(true);
    if (!resumed) return;
    setStored(resumed);
    setEngineerName(resumed.engineerName);
    setNote(resumed.note);
    setNow(Date.now());
    setMessage(
      resumed.stoppedAt
        ? null
        : `Resumed the stopwatch started at ${new Date(resumed.startedAt).toLocaleTimeString("en-GB")}.`,
    );
    if (resumed.stoppedAt) setError("This timing was stopped but not saved yet.");
    /* eslint-enable react-hooks/set-state-in-effect */
  }, []);

  const running = !!stored && stored.stoppedAt === undefined;
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), 100);
    return () => window.clearInterval(timer);
  }, [running]);

  const phase: StopwatchPhase = add.isPending ? "saving" : !stored ? "idle" : running ? "running" : "unsaved";
  const elapsedSeconds = stored ? ((stored.stoppedAt ?? now) - stored.startedAt) / 1000 : 0;

  const save = async (timing: Stored & { stoppedAt: number }) => {
    setError(null);
    try {
      await add.mutateAsync({
        timings: [
          {
            measured_at: new Date(timing.startedAt).toISOString(),
            // Whole milliseconds: at most 3 decimals by construction.
            seconds: Math.max(1, timing.stoppedAt - timing.startedAt) / 1000,
            engineer_name: timing.engineerName,
            note: timing.note,
          },
        ],
      });
      writeStored(null);
      setStored(null);
      setNote("");
      setMessage(`Saved a timing of ${formatDuration((timing.stoppedAt - timing.startedAt) / 1000)}.`);
      await utils.savings.invalidate();
    } catch (e) {
      setError(`Not saved: ${errorDetail(e)} The timing is kept; save again or discard it.`);
    }
  };

  const update = (patch: Partial<Stored>) => {
    if (!stored) return;
    const next = { ...stored, ...patch };
    writeStored(next);
    setStored(next);
  };

  return (
    <Stopwatch
      ready={ready}
      phase={phase}
      elapsedSeconds={elapsedSeconds}
      engineerName={engineerName}
      note={note}
      message={message}
      error={error}
      onEngineerName={(v) => {
        setEngineerName(v);
        update({ engineerName: v });
      }}
      onNote={(v) => {
        setNote(v);
        update({ note: v });
      }}
      onStart={() => {
        const started: Stored = { startedAt: Date.now(), engineerName, note };
        writeStored(started);
        setStored(started);
        setNow(started.startedAt);
        setMessage(null);
        setError(null);
      }}
      onStop={() => {
        if (!stored) return;
        const stopped = { ...stored, stoppedAt: Date.now() };
        writeStored(stopped);
        setStored(stopped);
        void save(stopped);
      }}
      onRetry={() => {
        if (stored?.stoppedAt !== undefined) void save({ ...stored, stoppedAt: stored.stoppedAt });
      }}
      onDiscard={() => {
        writeStored(null);
        setStored(null);
        setError(null);
        setMessage("Discarded the timing.");
      }}
    />
  );
}
