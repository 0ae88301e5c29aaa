import type { Db } from "./client";

let knownZones: Promise<Set<string>> | undefined;

/**
 * PostgreSQL's own zone list (pg_timezone_names), read once per process:
 * exactly the names AT TIME ZONE understands, which is what the report's
 * calendar buckets use. Reading the catalog takes milliseconds, too slow to
 * repeat on every request.
 */
function zoneNames(db: Db): Promise<Set<string>> {
  knownZones ??= db.$queryRaw<{ name: string }[]>`SELECT name FROM pg_timezone_names`.then(
    (rows) => new Set(rows.map((r) => r.name)),
    (error: unknown) => {
      knownZones = undefined;
      throw error;
    },
  );
  return knownZones;
}

/** Whether `zone` is an IANA zone name this PostgreSQL knows (exact spelling). */
export async function isKnownTimeZone(db: Db, zone: string): Promise<boolean> {
  return (await zoneNames(db)).has(zone);
}
