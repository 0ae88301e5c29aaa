import { describe, expect, it } from "vitest";
import { EnvError, envValues, parseEnv } from "@/env";

const base = { DATABASE_URL: "postgresql://u@localhost:5432/db", NEXTAUTH_SECRET: "s".repeat(32) };

describe("environment validation", () => {
  it("accepts a minimal development environment and fills defaults", () => {
    const env = parseEnv(base);
    expect(env.NODE_ENV).toBe("development");
    expect(env.API_KEY_RATE_LIMIT_PER_MINUTE).toBe(120);
  });

  it("names every missing or bad variable at once, one line each", () => {
    let message = "";
    try {
      parseEnv({ NODE_ENV: "production", NEXTAUTH_URL: "not a url", API_KEY_RATE_LIMIT_PER_MINUTE: "many" });
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      message = (e as Error).message;
    }
    const lines = message.split("\n").slice(1);
    expect(lines).toHaveLength(4);
    expect(message).toMatch(/DATABASE_URL is required/);
    expect(message).toMatch(/NEXTAUTH_URL must be an absolute URL/);
    expect(message).toMatch(/API_KEY_RATE_LIMIT_PER_MINUTE must be a whole number/);
    expect(message).toMatch(/NEXTAUTH_SECRET is required/);
  });

  it("requires NEXTAUTH_SECRET in development and production, never falling back to a fixed one", () => {
    const noSecret = { DATABASE_URL: base.DATABASE_URL };
    expect(() => parseEnv(noSecret)).toThrow(/NEXTAUTH_SECRET is required/);
    expect(() => parseEnv({ ...noSecret, NODE_ENV: "production", NEXTAUTH_URL: "https://f.example" })).toThrow(/NEXTAUTH_SECRET is required/);
    expect(parseEnv({ ...noSecret, NODE_ENV: "test" }).NEXTAUTH_SECRET).toBeUndefined();
  });

  it("requires NEXTAUTH_URL in production", () => {
    expect(() => parseEnv({ ...base, NODE_ENV: "production" })).toThrow(/^  NEXTAUTH_URL is required in production/m);
    expect(parseEnv({ ...base, NODE_ENV: "production", NEXTAUTH_URL: "https://f.example" }).NEXTAUTH_URL).toBe("https://f.example");
  });

  it("rejects a DATABASE_URL that is not PostgreSQL, and treats empty strings as unset", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a postgresql:\/\/ URL/);
    expect(() => parseEnv({ DATABASE_URL: "" })).toThrow(/DATABASE_URL is required/);
  });

  it("reads database time limits alone, for scripts that start before DATABASE_URL is known", () => {
    expect(envValues(["DATABASE_CONNECT_TIMEOUT_MS", "MIGRATION_LOCK_TIMEOUT"], {})).toEqual({
      DATABASE_CONNECT_TIMEOUT_MS: 3000, MIGRATION_LOCK_TIMEOUT: "5s",
    });
    expect(envValues(["MIGRATION_LOCK_TIMEOUT"], { MIGRATION_LOCK_TIMEOUT: "250ms" }).MIGRATION_LOCK_TIMEOUT).toBe("250ms");
    expect(() => envValues(["MIGRATION_LOCK_TIMEOUT"], { MIGRATION_LOCK_TIMEOUT: "5 s; DROP" })).toThrow(
      /MIGRATION_LOCK_TIMEOUT must be a PostgreSQL duration such as 5s or 500ms/,
    );
    expect(() => parseEnv({ ...base, DATABASE_STATEMENT_TIMEOUT_MS: "0" })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS must be positive/);
  });
});
