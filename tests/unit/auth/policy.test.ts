import { describe, expect, it } from "vitest";
import { can, decide, mayAddNote, type Capability } from "@/server/auth/policy";
import type { AccountRole } from "@/server/auth/roles";
import type { ApiKeyScope } from "@/server/auth/scopes";

// The whole role table, so a change to who may do what shows up here as a diff.
const TABLE: Record<Capability, AccountRole[]> = {
  readQueue: ["owner", "admin", "engineer", "viewer"],
  readAnalytics: ["owner", "admin", "engineer"],
  claim: ["owner", "admin", "engineer"],
  addNote: ["owner", "admin", "engineer"],
  manageOwnKeys: ["owner", "admin", "engineer"],
  manageAllKeys: ["owner", "admin"],
  manageAccount: ["owner", "admin"],
  writeBaseline: ["owner", "admin", "engineer"],
  manageBaseline: ["owner", "admin"],
};
const ROLES: AccountRole[] = ["owner", "admin", "engineer", "viewer"];

describe("policy: roles", () => {
  it.each(Object.entries(TABLE) as [Capability, AccountRole[]][])("%s is granted to %j", (capability, allowed) => {
    expect(ROLES.filter((role) => can({ role }, capability))).toEqual(allowed);
  });

  it("names the roles needed and the caller's role in its refusal", () => {
    expect(decide({ role: "viewer" }, "claim")).toEqual({
      allowed: false, reason: "This needs the engineer or admin role; your role is viewer.",
    });
    expect(decide({ role: "engineer" }, "manageAllKeys")).toMatchObject({ reason: expect.stringMatching(/needs the admin role/) });
  });
});

describe("policy: API keys", () => {
  const key = (scopes: ApiKeyScope[]) => ({ role: "owner" as const, apiKeyId: "k", scopes });
  const SCOPE_OF: Record<Capability, ApiKeyScope | null> = {
    readQueue: "analytics:read",
    readAnalytics: "analytics:read",
    claim: "queue:write",
    addNote: "queue:write",
    manageOwnKeys: null,
    manageAllKeys: null,
    manageAccount: null,
    writeBaseline: "baseline:write",
    manageBaseline: "baseline:write",
  };

  it.each(Object.entries(SCOPE_OF) as [Capability, ApiKeyScope | null][])("%s needs the scope %s", (capability, scope) => {
    const all: ApiKeyScope[] = ["analytics:read", "queue:write", "baseline:write"];
    expect(can(key(all.filter((s) => s !== scope)), capability)).toBe(false);
    expect(can(key(all), capability)).toBe(scope !== null);
  });

  it("names the missing scope", () => {
    expect(decide(key(["analytics:read"]), "claim")).toMatchObject({ allowed: false, reason: expect.stringMatching(/lacks the queue:write scope/) });
  });
});

describe("policy: notes", () => {
  it("lets the claimer, admins and owners add a note, and nobody else", () => {
    expect(mayAddNote({ role: "engineer" }, true)).toBe(true);
    expect(mayAddNote({ role: "engineer" }, false)).toBe(false);
    expect(mayAddNote({ role: "admin" }, false)).toBe(true);
    expect(mayAddNote({ role: "owner" }, false)).toBe(true);
    expect(mayAddNote({ role: "viewer" }, true)).toBe(false);
    expect(mayAddNote({ role: "engineer", apiKeyId: "k", scopes: ["analytics:read"] }, true)).toBe(false);
  });
});
