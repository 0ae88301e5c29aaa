/** The operator CLI run as operators run it: a child process on this run's database. */
import { execFile } from "node:child_process";
import { expect, inject } from "vitest";

export type Run = { code: number; stdout: string; stderr: string; json: Record<string, unknown> | undefined };

export function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["--no-install", "tsx", "scripts/cli.ts", ...args],
      { env: { ...process.env, DATABASE_URL: inject("databaseUrl") }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        let json: Record<string, unknown> | undefined;
        try {
          json = JSON.parse(stdout);
        } catch {
          json = undefined;
        }
        resolve({ code, stdout, stderr, json });
      },
    );
  });
}

/** Exit 2, nothing on stdout, and the message on stderr. */
export function expectRefused(run: Run, message: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(message);
}

