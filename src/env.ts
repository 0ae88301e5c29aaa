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
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required in production" });
    }
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, as they do in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".")} ${i.message}`);
  throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
}

let cached: Env | undefined;
export function loadEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
