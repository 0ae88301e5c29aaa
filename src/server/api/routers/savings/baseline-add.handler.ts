import type { Db } from "@/server/db/client";
import { insertTimings, type TimingOwner } from "@/server/savings/baseline-store";
import type { TBaselineTiming } from "@/server/savings/timing-rules";
import type { TBaselineAddOutput } from "./baseline-add.types";

/** Every timing passed the input schema, so the one INSERT writes all of them. */
export async function baselineAdd(db: Db, owner: TimingOwner, timings: TBaselineTiming[]): Promise<TBaselineAddOutput> {
  return { inserted: await insertTimings(db, owner, timings) };
}
