import { describe, expect, it } from "vitest";
import { describeConnectionError } from "@/ops/db/connection";

const url = "postgresql://u:secret@db.example.test:6543/flowpilot";

describe("describeConnectionError", () => {
  it("names host, port, database and a plain cause, never the password", () => {
    const line = describeConnectionError(url, Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
    expect(line).toBe("Cannot use database at db.example.test:6543/flowpilot: connection refused (is PostgreSQL running?)");
    expect(line).not.toContain("secret");
  });

  it("tells the operator to migrate when the tables are missing", () => {
    const prismaError = Object.assign(
      new Error("\nInvalid `prisma.account.create()` invocation:\n\n\nThe table `public.accounts` does not exist in the current database."),
      { code: "P2021" },
    );
    expect(describeConnectionError(url, prismaError)).toMatch(/its tables are missing \(run npm run db:migrate\)$/);
  });

  it("falls back to the last meaningful line of an unknown error", () => {
    const e = new Error("\nInvalid invocation:\n\nSomething specific went wrong.\n");
    expect(describeConnectionError(url, e)).toBe("Cannot use database at db.example.test:6543/flowpilot: Something specific went wrong.");
  });

  it("does not echo a malformed URL", () => {
    expect(describeConnectionError("not a url with p@ss", new Error("x"))).toBe("DATABASE_URL is not a valid PostgreSQL URL.");
  });
});
