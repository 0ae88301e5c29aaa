const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Local date and time for an ISO timestamp; the browser's zone, so render on the client only. */
export function formatWhen(iso: string): string {
  return dateTime.format(new Date(iso));
}
