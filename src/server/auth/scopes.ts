/**
 * What an API key may be used for. A key carries a fixed set of scopes,
 * chosen when it is created; `analytics:read` alone is the default, so a
 * pilot's reporting key cannot write the "first actions" its metric reads.
 * policy.ts says which scope each capability needs. Pure constants: the
 * key-creation form imports them too.
 */
export const API_KEY_SCOPES = ["analytics:read", "queue:write", "baseline:write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const DEFAULT_API_KEY_SCOPES: readonly ApiKeyScope[] = ["analytics:read"];

/** What each scope allows, in words for the key form, the CLI usage and the docs. */
export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, string> = {
  "analytics:read": "Read analytics, reports, savings and the queue",
  "queue:write": "Claim handoffs and add notes",
  "baseline:write": "Add, delete and import manual-baseline timings (deleting and importing needs an admin)",
};

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}
