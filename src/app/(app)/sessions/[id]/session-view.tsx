"use client";
import Link from "next/link";
import { useState } from "react";
import { api, type RouterOutputs } from "@/trpc/react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PriorityBadge } from "@/components/ui/priority-badge";
import { Skeleton } from "@/components/ui/skeleton";
import { formatCount, formatDuration, formatTimestamp } from "@/lib/format";
import { errorCode, errorDetail } from "@/lib/trpc-error";
import { NOTE_MAX_LENGTH } from "@/server/api/routers/queue/add-note.schema";
import { FormError } from "@/components/ui/form-error";

type Session = RouterOutputs["queue"]["session"];

export function SessionView({ sessionId }: { sessionId: string }) {
  const session = api.queue.session.useQuery({ sessionId }, { retry: false });

  if (session.isPending) {
    return (
      <div aria-busy="true" className="flex flex-col gap-4">
        <span className="sr-only">Loading the session…</span>
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-48 w-full" />
      </div>
    );
  }
  if (session.error) {
    return (
      <div className="flex flex-col gap-4">
        <BackLink />
        <Notice
          tone={errorCode(session.error) === "NOT_FOUND" ? "neutral" : "danger"}
          action={
            errorCode(session.error) === "NOT_FOUND" ? undefined : (
              <Button variant="secondary" onClick={() => void session.refetch()}>
                Try again
              </Button>
            )
          }
        >
          {errorDetail(session.error, "The session could not be loaded.")}
        </Notice>
      </div>
    );
  }

  const s = session.data;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <BackLink />
        <h1 className="break-words text-2xl font-semibold tracking-tight">{s.summary ?? "Troubleshooting session"}</h1>
        <p className="text-sm text-muted">
          {s.sessionType} · {s.intakeType} intake · {s.status} · {s.confidenceTier} confidence · started{" "}
          {formatTimestamp(s.createdAt)}
        </p>
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="timeline-heading" className="flex min-w-0 flex-col gap-3">
          <h2 id="timeline-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
            Timeline
          </h2>
          <Timeline steps={s.steps} earlierSteps={s.earlierSteps} />
          <NoteForm session={s} />
        </section>
        <section aria-labelledby="handoffs-heading" className="flex min-w-0 flex-col gap-3">
          <h2 id="handoffs-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
            Handoffs
          </h2>
          <Handoffs handoffs={s.handoffs} />
        </section>
      </div>
    </div>
  );
}

function BackLink() {
  return (
    <Link href="/queue" className="text-sm text-accent hover:underline">
      <span aria-hidden="true">←</span> Queue
    </Link>
  );
}

function NoteForm({ session }: { session: Session }) {
  const utils = api.useUtils();
  const [text, setText] = useState("");
  const addNote = api.queue.addNote.useMutation({
    onSuccess: async () => {
      setText("");
      await Promise.all([
        utils.queue.invalidate(),
        // The note may be this claim's first action: the metric moves.
        utils.analytics.escalations.invalidate(),
      ]);
    },
  });

  if (!session.canAddNote) {
    const claimedByOther = session.handoffs.some((h) => h.claimedAt && !h.claimedByMe);
    return (
      <Notice testId="note-not-allowed">
        {claimedByOther
          ? "Only the engineer who claimed this session, or an admin or owner, can add notes."
          : "Claim this session from the queue to add notes."}
      </Notice>
    );
  }

  return (
    <form
      className="flex flex-col gap-2 rounded-xl border border-border bg-surface p-4 shadow-card"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) addNote.mutate({ sessionId: session.id, text });
      }}
    >
      <label htmlFor="note" className="text-sm font-medium">
        Add a note
      </label>
      <textarea
        id="note"
        name="note"
        rows={3}
        value={text}
        maxLength={NOTE_MAX_LENGTH}
        onChange={(e) => setText(e.target.value)}
        placeholder="What you checked, what you changed, what comes next…"
        className="w-full resize-y rounded-md border border-border bg-canvas px-3 py-2 text-sm placeholder:text-muted"
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-muted">Your first note after claiming is the action the response-time metric measures.</p>
        <Button type="submit" disabled={addNote.isPending || !text.trim()}>
          {addNote.isPending ? "Saving…" : "Add note"}
        </Button>
      </div>
      <FormError>{addNote.error ? errorDetail(addNote.error) : null}</FormError>
    </form>
  );
}

function Timeline({ steps, earlierSteps }: { steps: Session["steps"]; earlierSteps: number }) {
  if (steps.length === 0) return <Notice>No steps yet.</Notice>;
  return (
    <>
      {earlierSteps > 0 && (
        <p data-testid="earlier-steps" className="text-sm text-muted">
          {formatCount(earlierSteps)} earlier {earlierSteps === 1 ? "step" : "steps"} not shown; the latest {formatCount(steps.length)} follow.
        </p>
      )}
      <ol data-testid="timeline" className="flex flex-col rounded-xl border border-border bg-surface px-4 py-2 shadow-card">
        {steps.map((step) => {
          const isNote = step.stepType === "engineer_note";
          return (
            <li key={step.id} data-testid="timeline-step" className="relative flex gap-3 border-b border-border py-3 last:border-b-0">
              <span
                aria-hidden="true"
                className={`mt-1.5 size-2.5 shrink-0 rounded-full ${isNote ? "bg-success" : "bg-accent"}`}
              />
              <div className="flex min-w-0 flex-col gap-1">
                <p className="text-xs text-muted">
                  <span className="font-medium text-ink">{step.stepType.replaceAll("_", " ")}</span>
                  {step.authorName && <> · {step.authorName}</>} · <time dateTime={step.createdAt}>{formatTimestamp(step.createdAt)}</time>
                </p>
                <p className="whitespace-pre-wrap break-words text-sm">{step.text}</p>
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}

function Handoffs({ handoffs }: { handoffs: Session["handoffs"] }) {
  if (handoffs.length === 0) return <Notice>This session was never handed off.</Notice>;
  return (
    <ul className="flex flex-col divide-y divide-border rounded-xl border border-border bg-surface shadow-card">
      {handoffs.map((h) => (
        <li key={h.id} data-testid="session-handoff" className="flex flex-col gap-1 px-4 py-3 text-sm">
          <div className="flex min-w-0 flex-wrap items-center gap-2">
            <PriorityBadge priority={h.priority} />
            <span className="min-w-0 break-words font-medium">{h.intent}</span>
          </div>
          <p className="text-xs text-muted">
            Handed off by {h.handedOffByName}, {formatTimestamp(h.createdAt)}
          </p>
          <p className="text-xs">
            {h.claimedAt ? (
              <>
                Claimed by {h.claimedByMe ? "you" : (h.claimedByName ?? "a former member")}, {formatTimestamp(h.claimedAt)}
                {" · "}
                {h.secondsToFirstAction === null ? (
                  <span className="text-warning">awaiting first action</span>
                ) : (
                  <span className="text-success">first action after {formatDuration(h.secondsToFirstAction)}</span>
                )}
              </>
            ) : (
              <span className="text-warning">Not claimed yet</span>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
