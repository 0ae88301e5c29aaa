import { loadEnv } from "@/env";

/**
 * The JWT secret. Env validation requires NEXTAUTH_SECRET everywhere but in
 * tests (`npm run dev` generates one per data folder), so the fixed value
 * below can only sign tests' own tokens; outside tests it is refused.
 */
export function authSecret(): string {
  const env = loadEnv();
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV !== "test") throw new Error("NEXTAUTH_SECRET is not set.");
  return "flowpilot-test-secret-not-for-any-server";
}
