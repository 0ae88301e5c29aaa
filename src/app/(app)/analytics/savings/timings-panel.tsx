"use client";
import { useState } from "react";
import { api } from "@/trpc/react";
import { TimingsList } from "@/components/savings/timings-list";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Skeleton } from "@/components/ui/skeleton";
import { errorDetail } from "@/lib/trpc-error";
import type { TBaselineTimingRow } from "@/server/api/routers/savings/baseline-list.types";

export function TimingsPanel({ canDelete }: { canDelete: boolean }) {
  const utils = api.useUtils();
  const list = api.savings.baselineList.useInfiniteQuery({ limit: 20 }, { getNextPageParam: (page) => page.next_cursor ?? undefined, retry: false });
  const remove = api.savings.baselineDelete.useMutation();
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const onDelete = async (item: TBaselineTimingRow) => {
    setDeleteError(null);
    try {
      await remove.mutateAsync({ id: item.id });
      await utils.savings.invalidate();
    } catch (e) {
      setDeleteError(errorDetail(e, "The timing could not be deleted."));
    }
  };

  if (list.error && !list.data) {
    return (
      <Notice tone="danger" action={<Button variant="secondary" onClick={() => void list.refetch()}>Try again</Button>}>
        {errorDetail(list.error, "The timings could not be loaded.")}
      </Notice>
    );
  }
  if (!list.data) {
    return (
      <div aria-busy="true" className="flex flex-col gap-2">
        <span className="sr-only">Loading the timings…</span>
        {Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-8" />)}
      </div>
    );
  }
  const items = list.data.pages.flatMap((p) => p.items);
  const total = list.data.pages[0]?.n_total ?? 0;
  return (
    <div className="flex flex-col gap-2">
      {items.length === 0 ? (
        <Notice testId="timings-empty">No baseline timings yet. Use the stopwatch{canDelete ? " or import a CSV file" : ""}.</Notice>
      ) : (
        <>
          <p className="text-xs text-muted" data-testid="timings-count">
            {total} {total === 1 ? "timing" : "timings"}, newest first
          </p>
          <TimingsList items={items} canDelete={canDelete} deletingId={remove.isPending ? remove.variables?.id : null} onDelete={(t) => void onDelete(t)} />
        </>
      )}
      {deleteError ? <Notice tone="danger">{deleteError}</Notice> : null}
      {list.hasNextPage ? (
        <div>
          <Button variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? "Loading…" : "Show more"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
