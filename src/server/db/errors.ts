// Recognises "the database cannot be reached" among driver and Prisma errors,
// so the API answers 503 (try again) rather than 500 (our bug). A statement
// cancelled by statement_timeout (57014) counts too: the database is too slow
// to answer now.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EPIPE",
  "57014", "57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08006",
  "P1001", "P1002", "P1017", "P2024",
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; name?: string; message?: string; cause?: unknown };
    if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
    if (e.name === "DriverAdapterError" || e.name === "PrismaClientInitializationError") {
      if (/connect|terminat|ECONNREFUSED|timeout/i.test(e.message ?? "")) return true;
    }
    if (/Can't reach database server|Connection terminated|ECONNREFUSED/i.test(e.message ?? "")) return true;
    // node-postgres' own time limits (query_timeout, connectionTimeoutMillis
    // while waiting for a pooled connection): the database did not answer.
    if (/^(Query read timeout|timeout exceeded when trying to connect)$/.test(e.message ?? "")) return true;
    // Prisma's bound on waiting for a connection to start a request's
    // transaction (db/scope.ts): every pooled connection is busy.
    if (/Unable to start a transaction in the given time/.test(e.message ?? "")) return true;
    current = e.cause;
  }
  return false;
}
