import { Prisma } from "@/generated/prisma/client";
import type { ReadStatements } from "./statements";

let knownZones: Promise<Set<string>> | undefined;

/**
 * PostgreSQL's own zone list (pg_timezone_names), read once per process:
 * exactly the names AT TIME ZONE understands, which is what the report's
 * calendar buckets use. Reading the catalog takes milliseconds, too slow to
 * repeat on every request.
 */
function zoneNames(read: ReadStatements): Promise<Set<string>> {
  knownZones ??= read<{ name: string }>([Prisma.sql`SELECT name FROM pg_timezone_names`]).then(
    ([rows = []]) => new Set(rows.map((r) => r.name)),
    (error: unknown) => {
      knownZones = undefined;
      throw error;
    },
  );
  return knownZones;
}

/** Whether `zone` is an IANA zone name this PostgreSQL knows (exact spelling). */
export async function isKnownTimeZone(read: ReadStatements, zone: string): Promise<boolean> {
  return (await zoneNames(read)).has(zone);
}

const IANA_AREAS = /^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//;

/**
 * The zone names to offer in a picker: PostgreSQL's Area/Location names and
 * UTC, without its duplicate trees (posix/…, right/…) and legacy aliases
 * (US/Pacific, EST5EDT, GB, …), so each place appears once. Every name
 * offered is one isKnownTimeZone accepts; an alias set through the CLI stays
 * valid, and the form shows it as the current value.
 */
export async function selectableTimeZones(read: ReadStatements): Promise<string[]> {
  return [...(await zoneNames(read))].filter((name) => name === "UTC" || IANA_AREAS.test(name)).sort();
}
