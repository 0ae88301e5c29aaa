"use client";
import type { TApiKeySummary } from "@/server/api/routers/apiKeys/api-key.schema";
import { formatWhen } from "./format";

type Props = {
  keys: TApiKeySummary[];
  showOwner: boolean;
  onRevoke: (key: TApiKeySummary) => void;
};

/** One row per key; reflows to stacked fields on narrow screens. */
export function KeysList({ keys, showOwner, onRevoke }: Props) {
  if (keys.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-border p-6 text-center text-sm text-muted">
        No API keys yet. Create one above to call the REST API from your own tools.
      </p>
    );
  }
  return (
    <ul aria-label="API keys" className="divide-y divide-border rounded-lg border border-border bg-surface">
      {keys.map((key) => (
        <li key={key.id} data-testid="api-key-row" className="flex flex-col gap-3 p-4 md:flex-row md:items-center">
          <div className="min-w-0 md:w-56">
            <p className="truncate font-medium">{key.name}</p>
            <p className="font-mono text-xs text-muted">{key.prefix ? `${key.prefix}…` : "—"}</p>
          </div>
          <dl className="grid flex-1 grid-cols-2 gap-x-4 gap-y-1 text-sm md:grid-cols-5">
            {showOwner ? (
              <div className="min-w-0">
                <dt className="text-xs text-muted">Owner</dt>
                <dd className="truncate" title={key.owner.email}>
                  {key.owner.name}
                </dd>
              </div>
            ) : null}
            <div className="min-w-0">
              <dt className="text-xs text-muted">Scopes</dt>
              <dd className="font-mono text-xs" data-testid="api-key-scopes">
                {key.scopes.join(", ")}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-muted">Created</dt>
              <dd>
                <time dateTime={key.createdAt}>{formatWhen(key.createdAt)}</time>
              </dd>
            </div>
            <div>
              <dt className="text-xs text-muted">Last used</dt>
              <dd>{key.lastUsedAt ? <time dateTime={key.lastUsedAt}>{formatWhen(key.lastUsedAt)}</time> : "Never"}</dd>
            </div>
            <div>
              <dt className="text-xs text-muted">Status</dt>
              <dd>
                {key.revokedAt ? (
                  <span className="text-muted">
                    Revoked <time dateTime={key.revokedAt}>{formatWhen(key.revokedAt)}</time>
                  </span>
                ) : (
                  <span className="text-success">Active</span>
                )}
              </dd>
            </div>
          </dl>
          <div className="md:w-28 md:text-right">
            {key.revokedAt ? null : (
              <button
                type="button"
                onClick={() => onRevoke(key)}
                aria-label={`Revoke ${key.name}`}
                className="rounded-md border border-border px-3 py-1.5 text-sm text-danger hover:bg-canvas"
              >
                Revoke
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
