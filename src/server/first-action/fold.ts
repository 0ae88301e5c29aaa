/**
 * Folds pending first_action_at recomputations into session_handoffs.
 *
 * Writers of steps and handoffs only append to first_action_pending (see the
 * first_action_pending migration), and readers fold pending sessions in at
 * query time through the handoff_first_actions view, so results are exact
 * whether or not this runs. Running it keeps the pending table short, which
 * keeps the metric's read an index-only scan. flowpilot_fold_first_actions()
 * never waits for a lock, so any number of app processes may run it at once.
 */
import type { Db } from "@/server/db/client";
import { isDatabaseUnavailable } from "@/server/db/errors";

export const FOLD_INTERVAL_MS = 5_000;
const FOLD_BATCH = 1_000;

/** Folds until a batch comes back short (drained, or the rest is held by open writers); returns how many it folded. */
export async function foldFirstActions(db: Db): Promise<number> {
  let folded = 0;
  for (;;) {
    const [row] = await db.$queryRaw<{ n: number }[]>`SELECT flowpilot_fold_first_actions(${FOLD_BATCH}::int) AS n`;
    const n = row?.n ?? 0;
    folded += n;
    if (n < FOLD_BATCH) return folded;
  }
}

/** Folds every `intervalMs` in the background, one run at a time; returns a stop function. */
export function startFoldingFirstActions(db: Db, intervalMs = FOLD_INTERVAL_MS): () => void {
  let running = false;
  let lastProblem = "";
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    foldFirstActions(db)
      .then(() => (lastProblem = ""))
      // An unreachable database is reported by the requests that need it;
      // anything else is worth one line (not one per tick), and the next tick
      // tries again.
      .catch((error: unknown) => {
        const problem = error instanceof Error ? error.message : String(error);
        if (isDatabaseUnavailable(error) || problem === lastProblem) return;
        lastProblem = problem;
        console.error(`[first-action] folding failed: ${problem}`);
      })
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
