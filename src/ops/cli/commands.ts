/**
 * The operator CLI's commands, as the contract lists them. Parsing and
 * validation happen before the database is opened, and each command checks
 * what it needs (account exists, email free, …) before writing, so bad input
 * changes nothing.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import { ACCOUNT_ROLES, type AccountRole } from "@/server/auth/roles";
import { API_KEY_NAME_MAX, createApiKey, revokeApiKey } from "@/server/auth/api-key-store";
import { OperatorError } from "../errors";
import { API_KEY_SCOPES, DEFAULT_API_KEY_SCOPES, isApiKeyScope, type ApiKeyScope } from "@/server/auth/scopes";
import { describeCsvErrors, MAX_CSV_BYTES, parseBaselineCsv } from "@/server/savings/csv";
import { insertTimings } from "@/server/savings/baseline-store";
import { changeAccountSettings, InvalidSettingError, TARGET_RULE } from "@/server/account/settings";

/** Bad input: the message is shown as is, and the process exits with status 2. */
export class CliInputError extends OperatorError {
  override readonly exitCode = 2;
}

export const MIN_PASSWORD_LENGTH = 8;

export type Command = { name: string; run: (db: Db, log: (line: string) => void) => Promise<Record<string, unknown>> };

type FlagSpec = Record<string, { required: boolean; boolean?: true }>;

const COMMANDS = {
  "account:create": { flags: { name: { required: true } }, usage: "--name <name>" },
  "user:create": {
    flags: {
      account: { required: true }, email: { required: true }, password: { required: true },
      role: { required: true }, name: { required: false },
    },
    usage: "--account <id> --email <email> --password <password> --role <owner|admin|engineer|viewer> [--name <name>]",
  },
  "user:set-role": { flags: { email: { required: true }, role: { required: true } }, usage: "--email <email> --role <role>" },
  "apikey:create": {
    flags: { email: { required: true }, name: { required: false }, scopes: { required: false } },
    usage: `--email <email> [--name <name>] [--scopes <${API_KEY_SCOPES.join(",")}>]`,
  },
  "apikey:revoke": { flags: { id: { required: true } }, usage: "--id <key id>" },
  "baseline:import": { flags: { email: { required: true }, file: { required: true } }, usage: "--email <email> --file <csv>" },
  "account:set": {
    flags: {
      id: { required: true }, "time-zone": { required: false }, "target-seconds": { required: false },
      "no-target": { required: false, boolean: true },
    },
    usage: "--id <account id> [--time-zone <iana>] [--target-seconds <n>|--no-target]",
  },
} satisfies Record<string, { flags: FlagSpec; usage: string }>;

type CommandName = keyof typeof COMMANDS;

export const USAGE = [
  "Usage: npm run cli -- <command> [flags]",
  "",
  ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(15)} ${c.usage}`),
  "",
  "Prints one JSON line on stdout; logs go to stderr. Uses DATABASE_URL, else the embedded database.",
].join("\n");

/** Parses argv (without node and the script) into a runnable command, or throws CliInputError. */
export function parseCommand(argv: string[]): Command {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") throw new CliInputError(USAGE);
  if (!(name in COMMANDS)) throw new CliInputError(`Unknown command "${name}".\n\n${USAGE}`);
  const spec = COMMANDS[name as CommandName];
  const flags = readFlags(name, rest, spec.flags);
  const build = {
    "account:create": accountCreate,
    "user:create": userCreate,
    "user:set-role": userSetRole,
    "apikey:create": apikeyCreate,
    "apikey:revoke": apikeyRevoke,
    "baseline:import": baselineImport,
    "account:set": accountSet,
  }[name as CommandName];
  const named = (error: unknown) =>
    error instanceof CliInputError ? new CliInputError(`${name}: ${error.message}`) : error;
  let run: Command["run"];
  try {
    run = build(flags);
  } catch (error) {
    throw named(error);
  }
  return { name, run: (db, log) => run(db, log).catch((error: unknown) => Promise.reject(named(error))) };
}

function readFlags(command: string, args: string[], spec: FlagSpec): Record<string, string | undefined> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: Object.fromEntries(
        Object.entries(spec).map(([f, s]) => [f, { type: s.boolean ? ("boolean" as const) : ("string" as const) }]),
      ),
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const usage = COMMANDS[command as CommandName].usage;
    throw new CliInputError(`${command}: ${(error as Error).message}\nUsage: npm run cli -- ${command} ${usage}`);
  }
  for (const [flag, { required }] of Object.entries(spec)) {
    const value = values[flag];
    if (required && (typeof value !== "string" || value.trim() === "")) {
      throw new CliInputError(`${command}: missing --${flag}.\nUsage: npm run cli -- ${command} ${COMMANDS[command as CommandName].usage}`);
    }
  }
  return values as Record<string, string | undefined>;
}

// Validators: each returns the clean value or throws a message naming the flag.
function uuid(flag: string, value: string, what: string): string {
  if (!z.uuid().safeParse(value).success) throw new CliInputError(`--${flag} must be ${what} id (a UUID); got "${value}".`);
  return value.toLowerCase();
}

function email(value: string): string {
  const clean = value.trim().toLowerCase();
  if (!z.email().safeParse(clean).success) throw new CliInputError(`--email must be an email address; got "${value}".`);
  return clean;
}

function role(value: string): AccountRole {
  if (!(ACCOUNT_ROLES as readonly string[]).includes(value)) {
    throw new CliInputError(`--role must be one of ${ACCOUNT_ROLES.join(", ")}; got "${value}".`);
  }
  return value as AccountRole;
}

function scopes(value: string): ApiKeyScope[] {
  const names = value.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((s) => !isApiKeyScope(s));
  if (names.length === 0 || unknown.length > 0) {
    throw new CliInputError(`--scopes must be a comma-separated list of ${API_KEY_SCOPES.join(", ")}; got "${value}".`);
  }
  return names.filter(isApiKeyScope);
}

function text(flag: string, value: string, max: number): string {
  const clean = value.trim();
  if (!clean) throw new CliInputError(`--${flag} must not be empty.`);
  if (clean.length > max) throw new CliInputError(`--${flag} must be at most ${max} characters.`);
  return clean;
}

async function findUser(db: Db, address: string) {
  const user = await db.user.findUnique({ where: { email: address }, select: { id: true, accountId: true } });
  if (!user) throw new CliInputError(`No user with email ${address}.`);
  return user;
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

type Flags = Record<string, string | undefined>;

function accountCreate(flags: Flags): Command["run"] {
  const name = text("name", flags.name!, 200);
  return async (db, log) => {
    const account = await db.account.create({ data: { name }, select: { id: true } });
    log(`Created account "${name}".`);
    return { id: account.id };
  };
}

function userCreate(flags: Flags): Command["run"] {
  const accountId = uuid("account", flags.account!, "an account");
  const address = email(flags.email!);
  const accountRole = role(flags.role!);
  const password = flags.password!;
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new CliInputError(`--password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const name = flags.name === undefined ? address.split("@")[0]! : text("name", flags.name, 200);
  return async (db, log) => {
    const account = await db.account.findUnique({ where: { id: accountId }, select: { id: true } });
    if (!account) throw new CliInputError(`No account with id ${accountId}.`);
    const duplicate = new CliInputError(`A user with email ${address} already exists.`);
    if (await db.user.findUnique({ where: { email: address }, select: { id: true } })) throw duplicate;
    const passwordHash = await hashPassword(password);
    try {
      const user = await db.user.create({ data: { accountId, email: address, name, passwordHash, accountRole }, select: { id: true } });
      log(`Created ${accountRole} ${address}.`);
      return { id: user.id };
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate; // created concurrently
      throw error;
    }
  };
}

function userSetRole(flags: Flags): Command["run"] {
  const address = email(flags.email!);
  const accountRole = role(flags.role!);
  return async (db, log) => {
    const { id } = await findUser(db, address);
    const user = await db.user.update({ where: { id }, data: { accountRole }, select: { id: true, accountRole: true } });
    log(`${address} is now ${accountRole}; this applies from their next request.`);
    return { id: user.id, account_role: user.accountRole };
  };
}

function apikeyCreate(flags: Flags): Command["run"] {
  const address = email(flags.email!);
  const name = flags.name === undefined ? "CLI key" : text("name", flags.name, API_KEY_NAME_MAX);
  const keyScopes = flags.scopes === undefined ? DEFAULT_API_KEY_SCOPES : scopes(flags.scopes);
  return async (db, log) => {
    const user = await findUser(db, address);
    const key = await createApiKey(db, { accountId: user.accountId, userId: user.id }, name, keyScopes);
    log(`Created API key "${name}" (${key.keyPrefix}…, ${key.scopes.join(", ")}) for ${address}. The token is shown only this once.`);
    return { id: key.id, token: key.token };
  };
}

function apikeyRevoke(flags: Flags): Command["run"] {
  const id = uuid("id", flags.id!, "an API key");
  return async (db, log) => {
    const key = await revokeApiKey(db, id);
    if (!key) throw new CliInputError(`No API key with id ${id}.`);
    log(`API key ${id} is revoked.`);
    return { id: key.id, revoked_at: key.revokedAt.toISOString() };
  };
}

/**
 * Imports a baseline CSV as the named user (created_by), into that user's
 * account. An operator's tool like user:create: the user's role is not
 * checked. The file is read and checked before the database is opened; a bad
 * file imports nothing and lists every bad line.
 */
function baselineImport(flags: Flags): Command["run"] {
  const address = email(flags.email!);
  const file = flags.file!;
  let text: string;
  try {
    const bytes = readFileSync(file);
    if (bytes.length > MAX_CSV_BYTES) throw new CliInputError(`--file ${file} is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB.`);
    text = bytes.toString("utf8");
  } catch (error) {
    if (error instanceof CliInputError) throw error;
    throw new CliInputError(`--file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}).`);
  }
  const parsed = parseBaselineCsv(text);
  if (!parsed.ok) {
    throw new CliInputError(`${file}: nothing imported; fix these lines (the header is line 1):\n${describeCsvErrors(parsed.errors)}`);
  }
  return async (db, log) => {
    const user = await findUser(db, address);
    const inserted = await insertTimings(db, { accountId: user.accountId, userId: user.id }, parsed.rows.map((r) => r.timing));
    log(`Imported ${inserted} baseline timings for ${address}'s account.`);
    return { inserted };
  };
}

function accountSet(flags: Flags): Command["run"] {
  const id = uuid("id", flags.id!, "an account");
  const timeZone = flags["time-zone"];
  const targetFlag = flags["target-seconds"];
  const noTarget = (flags as Record<string, unknown>)["no-target"] === true;
  if (targetFlag !== undefined && noTarget) throw new CliInputError("give --target-seconds or --no-target, not both.");
  if (timeZone === undefined && targetFlag === undefined && !noTarget) {
    throw new CliInputError("nothing to change: give --time-zone, --target-seconds or --no-target.");
  }
  if (timeZone !== undefined && timeZone.trim() === "") throw new CliInputError("--time-zone must not be empty.");
  if (targetFlag !== undefined && !/^\d{1,10}$/.test(targetFlag.trim())) {
    throw new CliInputError(`--target-seconds ${TARGET_RULE}; got "${targetFlag}".`);
  }
  const targetSeconds = noTarget ? null : targetFlag === undefined ? undefined : Number(targetFlag.trim());
  return async (db, log) => {
    const account = await db.account.findUnique({ where: { id }, select: { id: true } });
    if (!account) throw new CliInputError(`No account with id ${id}.`);
    try {
      const updated = await changeAccountSettings(db, id, { timeZone: timeZone?.trim(), targetSeconds });
      log(`Account ${id}: time zone ${updated.time_zone}, target ${updated.first_action_target_seconds ?? "none"}.`);
      return updated;
    } catch (error) {
      if (error instanceof InvalidSettingError) {
        throw new CliInputError(`--${error.field === "time_zone" ? "time-zone" : "target-seconds"} ${error.message}.`);
      }
      throw error;
    }
  };
}
