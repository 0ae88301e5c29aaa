"use client";
import { Button } from "./button";
import { Notice } from "./notice";
import { Skeleton } from "./skeleton";

/** Shown while a page's server render (and its prefetch) is on its way. */
export function PageSkeleton({ title }: { title: string }) {
  return (
    <div aria-busy="true" className="flex flex-col gap-6">
      <span className="sr-only">Loading {title}…</span>
      <div className="flex flex-col gap-2">
        <Skeleton className="h-7 w-56 max-w-full" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Skeleton className="h-64" />
        <Skeleton className="h-40" />
      </div>
    </div>
  );
}

/** A route's error boundary: a plain message and a retry, never internals. */
export function RouteError({ reset }: { reset: () => void }) {
  return (
    <Notice tone="danger" action={<Button variant="secondary" onClick={reset}>Try again</Button>}>
      This page could not be loaded. If the problem persists, the database may be unavailable.
    </Notice>
  );
}
