"use client";
/**
 * CSV import: the file is checked in the browser with the same rules the
 * server applies (src/server/savings/csv.ts), so every bad line shows before
 * anything is sent; the server checks again and writes all or nothing.
 */
import { useState } from "react";
import { api } from "@/trpc/react";
import { parseBaselineCsv, CSV_COLUMNS, MAX_CSV_BYTES, type CsvParseResult } from "@/server/savings/csv";
import { ImportPreview } from "@/components/savings/import-preview";
import { Button } from "@/components/ui/button";
import { errorDetail } from "@/lib/trpc-error";

export function ImportPanel() {
  const utils = api.useUtils();
  const importCsv = api.savings.baselineImport.useMutation();
  const [text, setText] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [preview, setPreview] = useState<CsvParseResult | null>(null);
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  const choose = async (file: File | undefined) => {
    setStatus(null);
    if (!file) return;
    setFileName(file.name);
    if (file.size > MAX_CSV_BYTES) {
      setText(null);
      setPreview({ ok: false, rows: [], errors: [{ line: 1, reason: `The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB.` }] });
      return;
    }
    const content = await file.text();
    setText(content);
    setPreview(parseBaselineCsv(content));
  };

  const submit = async () => {
    if (!text) return;
    try {
      const result = await importCsv.mutateAsync({ csv: text });
      if (result.ok) {
        setStatus({ tone: "ok", text: `Imported ${result.inserted} timings from ${fileName}.` });
        setText(null);
        setPreview(null);
        await utils.savings.invalidate();
      } else {
        setPreview({ ok: false, rows: [], errors: result.errors });
      }
    } catch (e) {
      setStatus({ tone: "error", text: `Nothing was imported: ${errorDetail(e)}` });
    }
  };

  return (
    <div className="flex flex-col gap-3 text-sm">
      <p className="text-muted">
        Columns <code className="font-mono">{CSV_COLUMNS.join(",")}</code> with a header line; <code className="font-mono">measured_at</code> in
        ISO 8601 with an offset or Z (e.g. 2026-11-20T09:14:03Z), <code className="font-mono">seconds</code> up to 3 decimals. A file with any bad
        line imports nothing.
      </p>
      <label className="flex flex-col gap-1">
        <span className="font-medium">CSV file</span>
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="import-file"
          onChange={(e) => void choose(e.target.files?.[0])}
          className="block w-full max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-ink"
        />
      </label>
      {preview ? <ImportPreview rows={preview.rows} errors={preview.ok ? [] : preview.errors} /> : null}
      {preview?.ok ? (
        <div>
          <Button onClick={() => void submit()} disabled={importCsv.isPending} data-testid="import-submit">
            {importCsv.isPending ? "Importing…" : `Import ${preview.rows.length} timings`}
          </Button>
        </div>
      ) : null}
      <div aria-live="polite">
        {status ? (
          <p role={status.tone === "error" ? "alert" : undefined} className={status.tone === "ok" ? "text-success" : "text-danger"} data-testid="import-status">
            {status.text}
          </p>
        ) : null}
      </div>
    </div>
  );
}
