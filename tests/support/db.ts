import { inject } from "vitest";
import { createDb, type Db } from "@/server/db/client";

let shared: Db | undefined;

/** The Prisma client for this run's test database. */
export function testDb(): Db {
  shared ??= createDb(inject("databaseUrl"));
  return shared;
}
