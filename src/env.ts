/**
 * The server's environment, validated once with zod.
 *
 * Every problem is reported at once, one line per variable, so a bad deploy
 * fails at start with a message that says what to set. `instrumentation.ts`
 * calls `loadEnv()` when the server boots; scripts call it themselves.
 */
import { z } from "zod";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "is required (the dev script sets it for the embedded database)" })
      .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgresql:// URL"),
    NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    NEXTAUTH_URL: z.url("must be an absolute URL such as http://localhost:3000").optional(),
    API_KEY_RATE_LIMIT_PER_MINUTE: z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .positive("must be positive")
      .default(120),
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

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, as they do in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = schema.safeParse(cleaned);
  const lines = result.success ? [] : result.error.issues.map((i) => `  ${i.path.join(".")} ${i.message}`);
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
