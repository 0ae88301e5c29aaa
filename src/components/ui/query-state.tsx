"use client";
import type { ReactNode } from "react";
import { errorDetail, type QueryView } from "@/lib/trpc-error";
import { Button } from "./button";
import { Notice } from "./notice";

type Props<T> = {
  query: Pick<QueryView<T>, "data" | "error" | "refetch">;
  /** shown until the first data arrives (a skeleton shaped like the content) */
  loading: ReactNode;
  /** shown instead of `children` when `isEmpty(data)` */
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  /** the message when the error carries no detail of its own */
  errorFallback: string;
  children: (data: T) => ReactNode;
};

/**
 * The states of a panel that renders one query: loading, error with a retry,
 * empty, or the data. Data already on screen stays while a refetch fails, so
 * a passing blip does not blank the panel.
 */
export function QueryState<T>({ query, loading, empty, isEmpty, errorFallback, children }: Props<T>) {
  if (query.error && query.data === undefined) {
    return (
      <Notice tone="danger" action={<Button variant="secondary" onClick={() => void query.refetch()}>Try again</Button>}>
        {errorDetail(query.error, errorFallback)}
      </Notice>
    );
  }
  if (query.data === undefined) return <>{loading}</>;
  if (empty !== undefined && isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
