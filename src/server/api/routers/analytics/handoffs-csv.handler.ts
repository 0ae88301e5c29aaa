/**
 * The drill-down's rows as CSV, streamed: pages of the same keyset query as
 * /handoffs, fetched one after another as the client reads, so memory stays
 * flat whatever the window holds.
 *
 * RFC 4180 (CRLF, quotes doubled, header row = the item fields). Text cells
 * that start with = + - @ (or a tab or carriage return, which spreadsheets
 * also act on) get a leading apostrophe, so a priority or a user's name
 * typed as a formula is shown as text, not run. Numbers are never changed:
 * the seconds column recomputes the metric exactly.
 */
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { Db } from "@/server/db/client";
import { HANDOFF_COLUMNS, type THandoffItem } from "./handoffs.types";
import { handoffRows, lastPosition, type DrillDownFilters } from "./handoffs.handler";
import type { TWindowInput } from "./window.types";
import { microsToIso, resolveScope, type ReportScope } from "./window";

const ROWS_PER_QUERY = 2000;
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutraliseFormula = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

/** Runs a query in the caller's database scope, in a transaction of its own (db/scope.ts). */
export type InScope = <T>(fn: (db: Db) => Promise<T>) => Promise<T>;

/**
 * The pages are read after the procedure has returned (and its transaction
 * has ended), as the client reads: each page is a short transaction of its
 * own in the caller's scope, so no connection is held while the client is slow.
 */
async function* allRows(inScope: InScope, scope: ReportScope, filters: DrillDownFilters): AsyncGenerator<THandoffItem> {
  let after: ReturnType<typeof lastPosition>;
  for (;;) {
    const page = await inScope((db) => handoffRows(db, scope, filters, { after, limit: ROWS_PER_QUERY }));
    yield* page;
    if (page.length < ROWS_PER_QUERY) return;
    after = lastPosition(page);
  }
}

/** "escalations-30d.csv", or the custom window's UTC bounds: "escalations-20261001T000000Z-20261031T000000Z.csv". */
function fileName(scope: ReportScope): string {
  const compact = (us: bigint) => microsToIso(us).replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
  const window = scope.window.period === "custom"
    ? `${compact(scope.window.startUs)}-${compact(scope.window.endUs)}`
    : scope.window.period;
  return `escalations-${window}.csv`;
}

export type HandoffsCsv = { fileName: string; body: ReadableStream<Uint8Array> };

export async function escalationsHandoffsCsv(
  db: Db, inScope: InScope, accountId: string, input: TWindowInput & DrillDownFilters,
): Promise<HandoffsCsv> {
  const scope = await resolveScope(db, accountId, input);
  const csv = stringify({
    header: true,
    columns: HANDOFF_COLUMNS,
    record_delimiter: "\r\n",
    cast: { string: neutraliseFormula },
  });
  const rows = Readable.from(allRows(inScope, scope, input));
  rows.on("error", (error) => {
    console.error("CSV export failed mid-stream:", error);
    csv.destroy(error);
  });
  rows.pipe(csv);
  return { fileName: fileName(scope), body: Readable.toWeb(csv) as ReadableStream<Uint8Array> };
}
