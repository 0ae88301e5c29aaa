import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import { deleteTiming } from "@/server/savings/baseline-store";

export async function baselineDelete(db: Db, accountId: string, id: string): Promise<void> {
  // Another account's timing looks the same as one that does not exist.
  if (!(await deleteTiming(db, accountId, id))) {
    throw new TRPCError({ code: "NOT_FOUND", message: "No baseline timing with this id in your account." });
  }
}
