// Runs once when the Next.js server starts: fail fast on a bad environment,
// then keep first_action_at's pending recomputations folded.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadEnv } = await import("./env");
  loadEnv();
  const { getDb } = await import("./server/db/client");
  const { startFoldingFirstActions } = await import("./server/first-action/fold");
  startFoldingFirstActions(getDb());
}
