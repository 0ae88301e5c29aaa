/**
 * Reading a tRPC error in the browser. The server's errorFormatter puts a
 * human-readable `detail` on every error and never internals, so it is safe
 * to show as it is.
 */
type ErrorLike = {
  message?: string;
  data?: { code?: string } | null;
  shape?: { detail?: string } | null;
};

export function errorCode(error: unknown): string | undefined {
  return (error as ErrorLike | null)?.data?.code ?? undefined;
}

export function errorDetail(error: unknown, fallback = "Something went wrong. Try again."): string {
  const e = error as ErrorLike | null;
  return e?.shape?.detail ?? e?.message ?? fallback;
}

export const isForbidden = (error: unknown) => errorCode(error) === "FORBIDDEN";

/** The part of a query result that list and card containers read. */
export type QueryView<T> = {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isFetching: boolean;
  isPlaceholderData: boolean;
  refetch: () => unknown;
};
