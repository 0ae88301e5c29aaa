/**
 * Where scripts (migrate, seed, CLI, bench) find their database:
 * DATABASE_URL when set, else the embedded PostgreSQL of this checkout,
 * started for the duration of the script if `npm run dev` is not running it.
 */
import { startEmbedded } from "./embedded";

export type ScriptDatabase = { url: string; release: () => Promise<void> };

export async function openScriptDatabase(log: (line: string) => void = () => {}): Promise<ScriptDatabase> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { url: fromEnv, release: async () => {} };
  const embedded = await startEmbedded(log);
  return { url: embedded.url, release: embedded.stop };
}

/** One line naming host, port and cause, for errors reaching a database. */
export function describeConnectionError(url: string, error: unknown): string {
  let where = "the database";
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return `DATABASE_URL is not a valid PostgreSQL URL.`;
  }
  const e = error as { code?: string; message?: string };
  const causes: Record<string, string> = {
    ECONNREFUSED: "connection refused (is PostgreSQL running?)",
    ENOTFOUND: "host not found",
    EAI_AGAIN: "host name lookup failed",
    ETIMEDOUT: "connection timed out",
    "3D000": "database does not exist",
    "28P01": "password authentication failed",
    "28000": "authentication rejected",
    "42P01": "its tables are missing (run npm run db:migrate)",
    P2021: "its tables are missing (run npm run db:migrate)",
    P2022: "its columns do not match this version (run npm run db:migrate)",
  };
  // Prisma's messages start with a blank line and an invocation trace; the
  // last non-empty line is the cause.
  const lastLine = e?.message?.split("\n").map((l) => l.trim()).filter(Boolean).at(-1);
  const cause = (e?.code && causes[e.code]) || lastLine || "unknown error";
  return `Cannot use database at ${where}: ${cause}`;
}
