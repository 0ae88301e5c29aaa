"use client";
import type { TApiKeySummary } from "@/server/api/routers/apiKeys/api-key.schema";
import { Button } from "@/components/ui/button";
import { formatTimestamp } from "@/lib/format";

type Props = {
  keys: TApiKeySummary[];
  showOwner: boolean;
  onRevoke: (key: TApiKeySummary) => void;
};

/** One row per key; reflows to stacked fields on narrow screens. */
export function KeysList({ keys, showOwner, onRevoke }: Props) {
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
                <time dateTime={key.createdAt}>{formatTimestamp(key.createdAt)}</time>
              </dd>
            </div>
            <div>
              <dt className="text-xs text-muted">Last used</dt>
              <dd>{key.lastUsedAt ? <time dateTime={key.lastUsedAt}>{formatTimestamp(key.lastUsedAt)}</time> : "Never"}</dd>
            </div>
            <div>
              <dt className="text-xs text-muted">Status</dt>
              <dd>
                {key.revokedAt ? (
                  <span className="text-muted">
                    Revoked <time dateTime={key.revokedAt}>{formatTimestamp(key.revokedAt)}</time>
                  </span>
                ) : (
                  <span className="text-success">Active</span>
                )}
              </dd>
            </div>
          </dl>
          <div className="md:w-28 md:text-right">
            {key.revokedAt ? null : (
              <Button variant="danger-secondary" onClick={() => onRevoke(key)} aria-label={`Revoke ${key.name}`}>
                Revoke
              </Button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
