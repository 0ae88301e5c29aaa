import { loadEnv } from "@/env";

/**
 * The JWT secret. Production requires NEXTAUTH_SECRET (env validation enforces
 * it); the dev script generates one under the data folder. Tests may run
 * without one, and then get a fixed, obviously non-production value.
 */
export function authSecret(): string {
  const env = loadEnv();
  return env.NEXTAUTH_SECRET ?? "flowpilot-development-secret-not-for-production";
}
