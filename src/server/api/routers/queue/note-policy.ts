import { hasRole, ADMIN_OR_ABOVE, type AccountRole } from "@/server/auth/roles";

/**
 * Who may add a note to a session. A note is the "first action" the
 * escalations metric times, so it belongs to whoever holds the claim.
 * Admins and owners may also write one (covering for someone who is away);
 * engineers who did not claim the session may not, so a bystander's note
 * cannot stop another engineer's clock. Viewers never write.
 */
export function mayAddNote(role: AccountRole, holdsClaim: boolean): boolean {
  if (hasRole(role, ADMIN_OR_ABOVE)) return true;
  return role === "engineer" && holdsClaim;
}

export const NOTE_FORBIDDEN =
  "Only the engineer who claimed this session, or an admin or owner, can add a note to it.";
