import type { Db } from "@/server/db/client";
import { insertTimings, type TimingOwner } from "@/server/savings/baseline-store";
import { parseBaselineCsv } from "@/server/savings/csv";
import type { TBaselineImportOutput } from "./baseline-import.types";

export async function baselineImport(db: Db, owner: TimingOwner, csv: string): Promise<TBaselineImportOutput> {
  const parsed = parseBaselineCsv(csv);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, inserted: await insertTimings(db, owner, parsed.rows.map((r) => r.timing)) };
}
