import { Prisma } from "@/generated/prisma/client";

/** Seconds between two timestamps, as a plain JS number (never numeric/Decimal). */
export const secondsBetween = (later: Prisma.Sql, earlier: Prisma.Sql) =>
  Prisma.sql`extract(epoch FROM ${later} - ${earlier})::float8`;
