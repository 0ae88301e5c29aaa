import { TRPCError } from "@trpc/server";
import { ZodRealError } from "zod";

/**
 * A 422 for a rule only the server can check (the database's clock, its
 * zone list, a cursor). It is shaped as a zod failure so that it reaches
 * clients exactly like every other invalid input: same status, same
 * `detail` wording, same `issues`.
 */
export function invalidInput(field: string, message: string): TRPCError {
  return new TRPCError({
    code: "BAD_REQUEST",
    message,
    // ZodRealError is the Error subclass zod's own parse throws (a plain ZodError is not an Error, and tRPC would wrap it).
    cause: new ZodRealError([{ code: "custom", path: [field], message, input: undefined }]),
  });
}
