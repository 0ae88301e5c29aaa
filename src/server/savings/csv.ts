/**
 * Reading a baseline CSV (`measured_at,seconds,engineer_name,note`), for the
 * import in the app (preview in the browser, import on the server) and the
 * CLI. All-or-nothing: the result is either every timing or every bad line.
 *
 * Line numbers are the file's physical lines with the header as line 1; a
 * record whose quoted field spans several lines is reported at the line it
 * starts on. Blank lines are skipped. Columns other than the four are ignored.
 */
import Papa from "papaparse";
import {
  MAX_SECONDS,
  MAX_TIMINGS_PER_REQUEST,
  ZBaselineTimingInput,
  describeTimingIssues,
  type TBaselineTiming,
} from "./timing-rules";

export const CSV_COLUMNS = ["measured_at", "seconds", "engineer_name", "note"] as const;
const REQUIRED_COLUMNS = ["measured_at", "seconds"] as const;
/** A file larger than this is refused before parsing (about 5 000 rows with long notes). */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

export type CsvLineError = { line: number; reason: string };
export type CsvRow = { line: number; timing: TBaselineTiming };
export type CsvParseResult = { ok: true; rows: CsvRow[] } | { ok: false; errors: CsvLineError[]; rows: CsvRow[] };

// A plain decimal, as a spreadsheet writes it: no exponent, sign or thousands separator.
const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;

export function parseBaselineCsv(text: string): CsvParseResult {
  if (text.length > MAX_CSV_BYTES) {
    return { ok: false, rows: [], errors: [{ line: 1, reason: `The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB.` }] };
  }
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text; // a BOM from Excel
  const records: { line: number; cells: string[] }[] = [];
  const errors: CsvLineError[] = [];
  // Papaparse reports where each record ends (meta.cursor, after its line
  // break); the next record starts there, and its line is 1 + the line breaks before it.
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(body, {
    header: false,
    delimiter: ",",
    skipEmptyLines: false,
    step(result) {
      const recordLine = line;
      const end = result.meta.cursor;
      line += countLineBreaks(body, start, end);
      start = end;
      for (const error of result.errors) errors.push({ line: recordLine, reason: describeParseError(error) });
      const cells = result.data;
      if (cells.length === 1 && cells[0]!.trim() === "") return; // a blank line
      records.push({ line: recordLine, cells });
    },
  });

  const [header, ...dataRecords] = records;
  if (!header) return { ok: false, rows: [], errors: [{ line: 1, reason: "The file is empty: it needs a header line." }] };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) {
    return {
      ok: false,
      rows: [],
      errors: [{ line: header.line, reason: `The header must name the columns ${CSV_COLUMNS.join(",")}; missing ${missing.join(", ")}.` }],
    };
  }
  const column = (name: string) => names.indexOf(name);
  if (dataRecords.length === 0) errors.push({ line: header.line, reason: "The file has a header but no timings." });
  if (dataRecords.length > MAX_TIMINGS_PER_REQUEST) {
    errors.push({ line: header.line, reason: `At most ${MAX_TIMINGS_PER_REQUEST} timings per file; this one has ${dataRecords.length}.` });
  }

  const rows: CsvRow[] = [];
  for (const record of dataRecords) {
    const cell = (name: string) => (column(name) >= 0 ? (record.cells[column(name)] ?? "") : "");
    const secondsText = cell("seconds").trim();
    if (!DECIMAL.test(secondsText)) {
      const reason = secondsText === "" ? "seconds is missing" : `seconds must be a number of seconds such as 42.5 (at most ${MAX_SECONDS}); got "${clip(secondsText)}"`;
      errors.push({ line: record.line, reason });
      continue;
    }
    const parsed = ZBaselineTimingInput.safeParse({
      measured_at: cell("measured_at").trim(),
      seconds: Number(secondsText),
      engineer_name: cell("engineer_name"),
      note: cell("note"),
    });
    if (parsed.success) rows.push({ line: record.line, timing: parsed.data });
    else errors.push({ line: record.line, reason: describeTimingIssues(parsed.error).join("; ") });
  }
  // Papaparse may report several problems on one record; keep the file's order.
  errors.sort((a, b) => a.line - b.line);
  return errors.length ? { ok: false, errors, rows } : { ok: true, rows };
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++; // a lone CR (old Mac line ends)
  }
  return n;
}

function describeParseError(error: Papa.ParseError): string {
  if (error.code === "MissingQuotes") return "a quoted field is never closed";
  if (error.code === "InvalidQuotes") return "a quote in the middle of a field (double it, or quote the whole field)";
  return error.message;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Every bad line as one message, for the CLI and the server's refusal. */
export function describeCsvErrors(errors: readonly CsvLineError[]): string {
  return errors.map((e) => `line ${e.line}: ${e.reason}`).join("\n");
}
