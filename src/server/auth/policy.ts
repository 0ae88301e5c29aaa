/**
 * Who may do what: the one place that knows which roles (and which API-key
 * scopes) each capability needs. Procedures (`capabilityProcedure`), pages,
 * the nav and the add-note SQL ask this module; nothing else lists roles.
 *
 * Two questions, in this order:
 *  1. the role: the caller's *current* role (read from the database on every
 *     request) must be one the capability allows;
 *  2. the credential: a request made with an API key must carry the scope
 *     the capability names. A capability with no scope is for signed-in
 *     sessions only (key management: a key that could mint keys would
 *     outlive its own revocation).
 */
import { Prisma } from "@/generated/prisma/client";
import { ACCOUNT_ROLES, type AccountRole, type Caller } from "./roles";
import type { ApiKeyScope } from "./scopes";

const ENGINEER_OR_ABOVE = ["owner", "admin", "engineer"] as const satisfies readonly AccountRole[];
const ADMIN_OR_ABOVE = ["owner", "admin"] as const satisfies readonly AccountRole[];

type Rule = { roles: readonly AccountRole[]; scope: ApiKeyScope | null };

const RULES = {
  /** The queue's lists and a session's timeline. */
  readQueue: { roles: ACCOUNT_ROLES, scope: "analytics:read" },
  /** The escalations metric, reports and savings. */
  readAnalytics: { roles: ENGINEER_OR_ABOVE, scope: "analytics:read" },
  claim: { roles: ENGINEER_OR_ABOVE, scope: "queue:write" },
  /** Who may try to add a note at all; which sessions is `mayAddNote` / `noteWriterCondition`. */
  addNote: { roles: ENGINEER_OR_ABOVE, scope: "queue:write" },
  manageOwnKeys: { roles: ENGINEER_OR_ABOVE, scope: null },
  manageAllKeys: { roles: ADMIN_OR_ABOVE, scope: null },
  manageAccount: { roles: ADMIN_OR_ABOVE, scope: null },
  /** Adding manual-baseline timings. */
  writeBaseline: { roles: ENGINEER_OR_ABOVE, scope: "baseline:write" },
  /** Deleting and importing manual-baseline timings. */
  manageBaseline: { roles: ADMIN_OR_ABOVE, scope: "baseline:write" },
} as const satisfies Record<string, Rule>;

export type Capability = keyof typeof RULES;

export type Decision = { allowed: true } | { allowed: false; reason: string };

/** The answer, with the words a 403 shows when it is no. */
export function decide(caller: Pick<Caller, "role" | "apiKeyId" | "scopes">, capability: Capability): Decision {
  const rule: Rule = RULES[capability];
  if (!rule.roles.includes(caller.role)) {
    return { allowed: false, reason: `This needs the ${describeRoles(rule.roles)} role; your role is ${caller.role}.` };
  }
  if (caller.apiKeyId) {
    if (rule.scope === null) {
      return { allowed: false, reason: "This is done from a signed-in session, not with an API key." };
    }
    if (!caller.scopes?.includes(rule.scope)) {
      return {
        allowed: false,
        reason: `This API key lacks the ${rule.scope} scope. Create a key with that scope to do this.`,
      };
    }
  }
  return { allowed: true };
}

export function can(caller: Pick<Caller, "role" | "apiKeyId" | "scopes">, capability: Capability): boolean {
  return decide(caller, capability).allowed;
}

function describeRoles(roles: readonly AccountRole[]): string {
  // owner is implied wherever admin is allowed; name the roles people ask for.
  const named = [...roles].reverse().filter((r) => r !== "owner");
  return named.length > 1 ? `${named.slice(0, -1).join(", ")} or ${named.at(-1)}` : (named[0] ?? "owner");
}

/*
 * Notes. A note is the "first action" the escalations metric times, so it
 * belongs to whoever holds the claim. Admins and owners may also write one
 * (covering for someone who is away); an engineer who did not claim the
 * session may not, so a bystander's note cannot stop another engineer's
 * clock. Viewers never write. The rule is stated twice below, once for a
 * page that already knows whether the caller holds the claim, and once as
 * SQL so the INSERT checks it at the instant it writes.
 */
const NOTE_OVERRIDE_ROLES: readonly AccountRole[] = ADMIN_OR_ABOVE;

export const NOTE_FORBIDDEN =
  "Only the engineer who claimed this session, or an admin or owner, can add a note to it.";

export function mayAddNote(caller: Pick<Caller, "role" | "apiKeyId" | "scopes">, holdsClaim: boolean): boolean {
  return can(caller, "addNote") && (holdsClaim || NOTE_OVERRIDE_ROLES.includes(caller.role));
}

/**
 * The note rule as a WHERE condition on the session aliased `session`: the
 * caller holds a claim on one of its handoffs, or overrides claims.
 */
export function noteWriterCondition(caller: Pick<Caller, "role" | "userId">, session: Prisma.Sql): Prisma.Sql {
  if (NOTE_OVERRIDE_ROLES.includes(caller.role)) return Prisma.sql`TRUE`;
  return Prisma.sql`EXISTS (
    SELECT 1 FROM session_handoffs h
    WHERE h.session_id = ${session}.id AND h.account_id = ${session}.account_id
      AND h.claimed_by = ${caller.userId}::uuid AND h.claimed_at IS NOT NULL)`;
}
