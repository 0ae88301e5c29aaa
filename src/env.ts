/**
 * The server's environment, validated once with zod.
 *
 * Every problem is reported at once, one line per variable, so a bad deploy
 * fails at start with a message that says what to set. `instrumentation.ts`
 * calls `loadEnv()` when the server boots; scripts call it themselves.
 */
import { z } from "zod";

const positiveWholeNumber = (fallback: number) =>
  z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").positive("must be positive").default(fallback);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "is required (the dev script sets it for the embedded database)" })
      .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgresql:// URL"),
    NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    NEXTAUTH_URL: z.url("must be an absolute URL such as http://localhost:3000").optional(),
    API_KEY_RATE_LIMIT_PER_MINUTE: positiveWholeNumber(120),
    // A database that stops answering must turn into a 503 within seconds.
    DATABASE_CONNECT_TIMEOUT_MS: positiveWholeNumber(3000),
    DATABASE_STATEMENT_TIMEOUT_MS: positiveWholeNumber(5000),
    MIGRATION_LOCK_TIMEOUT: z
      .string()
      .regex(/^\d+(us|ms|s|min|h|d)?$/, "must be a PostgreSQL duration such as 5s or 500ms")
      .default("5s"),
    // How many reverse proxies in front of the app append to X-Forwarded-For;
    // 0 means the header is the client's own claim and is ignored.
    TRUSTED_PROXY_COUNT: z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(0, "must be 0 or more")
      .default(0),
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

type Source = Record<string, string | undefined>;

// Empty strings count as unset, as they do in most .env tooling.
const withoutEmpty = (source: Source) => Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
const issueLines = (error: z.ZodError) => error.issues.map((i) => `  ${i.path.join(".")} ${i.message}`);

export function parseEnv(source: Source): Env {
  const cleaned = withoutEmpty(source);
  const result = schema.safeParse(cleaned);
  const lines = result.success ? [] : issueLines(result.error);
  // Checked beside the schema (not in a refinement) so it is reported
  // together with every other problem.
  // A missing secret would otherwise mean a fixed, public one: forged cookies.
  // Only tests, which sign their own tokens, run without one.
  if (cleaned.NODE_ENV !== "test" && !cleaned.NEXTAUTH_SECRET) {
    lines.push("  NEXTAUTH_SECRET is required (npm run dev generates one under the data folder)");
  }
  // Without it next-auth builds its redirects on http://localhost:3000.
  if (cleaned.NODE_ENV === "production" && !cleaned.NEXTAUTH_URL) {
    lines.push("  NEXTAUTH_URL is required in production: the public URL, such as https://flowpilot.example.com");
  }
  if (result.success && lines.length === 0) return result.data;
  throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
}

let cached: Env | undefined;
export function loadEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * Some variables only, for code that also runs in scripts, where
 * DATABASE_URL is unknown until the embedded database has started.
 */
export function envValues<K extends keyof Env>(keys: K[], source: Source = process.env): Pick<Env, K> {
  const mask = Object.fromEntries(keys.map((k) => [k, true])) as Partial<Record<keyof Env, true>>;
  const result = schema.pick(mask).safeParse(withoutEmpty(source));
  if (!result.success) throw new EnvError(`Invalid environment:\n${issueLines(result.error).join("\n")}`);
  return result.data as Pick<Env, K>;
}
