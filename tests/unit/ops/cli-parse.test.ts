import { describe, expect, it } from "vitest";
import { CliInputError, parseCommand } from "@/ops/cli/commands";

// Input checks that need no database; the integration suite runs the commands themselves.
describe("CLI argument parsing", () => {
  const rejects = (argv: string[], message: RegExp) => {
    expect(() => parseCommand(argv)).toThrow(CliInputError);
    expect(() => parseCommand(argv)).toThrow(message);
  };

  it("prints usage without a command", () => rejects([], /Usage: npm run cli/));
  it("names an unknown command", () => rejects(["user:delete"], /Unknown command "user:delete"/));
  it("names a missing flag", () => rejects(["user:set-role", "--email", "a@b.test"], /missing --role/));
  it("refuses an unknown flag", () => rejects(["account:create", "--name", "x", "--owner", "y"], /Unknown option '--owner'/));
  it("refuses an invalid role", () =>
    rejects(["user:set-role", "--email", "a@b.test", "--role", "superuser"], /--role must be one of owner, admin, engineer, viewer/));
  it("refuses a malformed account id", () =>
    rejects(["user:create", "--account", "42", "--email", "a@b.test", "--password", "long enough", "--role", "viewer"], /--account must be an account id/));
  it("refuses a malformed key id", () => rejects(["apikey:revoke", "--id", "fp_abc"], /--id must be an API key id/));
  it("refuses a malformed email", () => rejects(["apikey:create", "--email", "not-an-email"], /--email must be an email address/));
  it("refuses an unknown or empty scope list", () => {
    rejects(["apikey:create", "--email", "a@b.test", "--scopes", "analytics:read,root"], /--scopes must be a comma-separated list of analytics:read, queue:write, baseline:write/);
    rejects(["apikey:create", "--email", "a@b.test", "--scopes", " , "], /--scopes must be/);
  });
  it("refuses a short password", () =>
    rejects(
      ["user:create", "--account", crypto.randomUUID(), "--email", "a@b.test", "--password", "short", "--role", "viewer"],
      /at least 8 characters/,
    ));
  it("refuses an empty name", () => rejects(["account:create", "--name", "  "], /missing --name/));
  it("account:set needs something to change, and a whole positive target", () => {
    const id = crypto.randomUUID();
    rejects(["account:set", "--id", id], /nothing to change/);
    rejects(["account:set", "--id", id, "--target-seconds", "1.5"], /--target-seconds must be a whole number/);
    rejects(["account:set", "--id", id, "--time-zone", ""], /--time-zone must not be empty/);
    expect(parseCommand(["account:set", "--id", id, "--no-target"]).name).toBe("account:set");
  });
  it("accepts a complete command", () => {
    expect(parseCommand(["user:set-role", "--email", "A@B.test", "--role", "admin"]).name).toBe("user:set-role");
  });
});
