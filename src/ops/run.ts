/**
 * The one way an operator script (migrate, seed, CLI, serve, e2e runner)
 * uses a database:
 *
 * 1. `runScript` is the entry point: it turns any failure into one line on
 *    stderr and an exit code (2 for bad input, 1 otherwise), never a stack.
 * 2. `withDatabase` opens the database (DATABASE_URL, else the embedded
 *    server of this checkout, or what `open` gives), runs one operation with
 *    its URL and a Prisma client made on first use, and releases both
 *    whatever happens. Errors that are not already written for the operator
 *    are described as "Cannot use database at host:port/db: cause".
 */
import { createDb, type Db } from "@/server/db/client";
import { EnvError } from "@/env";
import { describeConnectionError, openScriptDatabase, type ScriptDatabase } from "./db/connection";
import { OperatorError } from "./errors";

export const log = (line: string) => console.error(line);

export type Operation = {
  url: string;
  /** The Prisma client for `url`, created on first call. */
  db: () => Db;
  /** Disconnects the Prisma client early (it is disconnected at the end anyway). */
  closeDb: () => Promise<void>;
};

export async function withDatabase<T>(
  run: (operation: Operation) => Promise<T>,
  open: () => Promise<ScriptDatabase> = () => openScriptDatabase(),
): Promise<T> {
  const database = await open();
  let prisma: Db | undefined;
  const closeDb = async () => {
    const client = prisma;
    prisma = undefined;
    await client?.$disconnect();
  };
  try {
    return await run({ url: database.url, db: () => (prisma ??= createDb(database.url)), closeDb });
  } catch (error) {
    if (error instanceof OperatorError || error instanceof EnvError) throw error;
    throw new OperatorError(describeConnectionError(database.url, error));
  } finally {
    await closeDb().catch(() => {});
    await database.release();
  }
}

/** Runs a script's main function; its number (or 0) becomes the exit code. */
export function runScript(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      log(error instanceof Error ? error.message : String(error));
      process.exitCode = error instanceof OperatorError ? error.exitCode : 1;
    },
  );
}
