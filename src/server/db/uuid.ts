/**
 * An id as PostgreSQL's uuid type prints it: any 128-bit value in 8-4-4-4-12
 * hex (rows written by other services need not be RFC 9562 variants; the
 * zod form of the same rule is ZPgUuid in api/schemas.ts).
 */
export const PG_UUID_SOURCE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const PG_UUID = new RegExp(`^${PG_UUID_SOURCE}$`, "i");

export const isPgUuid = (s: string) => PG_UUID.test(s);
