"use client";
/** The API keys page's data and state: list, create (token shown once), revoke with confirmation. */
import { useState } from "react";
import { api } from "@/trpc/react";
import { Notice } from "@/components/ui/notice";
import { QueryState } from "@/components/ui/query-state";
import { errorDetail } from "@/lib/trpc-error";
import type { TApiKeySummary } from "@/server/api/routers/apiKeys/api-key.schema";
import { CreateKeyForm } from "./create-key-form";
import { KeysList } from "./keys-list";
import { NewKeyNotice } from "./new-key-notice";
import { RevokeDialog } from "./revoke-dialog";

export function ApiKeysManager() {
  const utils = api.useUtils();
  const list = api.apiKeys.list.useQuery();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<TApiKeySummary | null>(null);
  const [status, setStatus] = useState("");

  // A list fetch still in flight from before the change would be reused by a
  // plain invalidate (and show the old list); cancel it, then fetch afresh.
  const refreshList = async () => {
    await utils.apiKeys.list.cancel();
    await utils.apiKeys.list.invalidate();
  };

  const create = api.apiKeys.create.useMutation({
    onSuccess: (key) => {
      setCreated({ name: key.name, token: key.token });
      setStatus("");
      void refreshList();
    },
  });
  const revoke = api.apiKeys.revoke.useMutation({
    onSuccess: () => {
      setStatus(`Key “${revoking?.name ?? ""}” revoked.`);
      setRevoking(null);
      void refreshList();
    },
  });

  return (
    <div className="space-y-6">
      <section aria-labelledby="create-key-heading" className="space-y-3">
        <h2 id="create-key-heading" className="font-semibold">
          Create a key
        </h2>
        <CreateKeyForm
          pending={create.isPending}
          error={create.error ? errorDetail(create.error) : null}
          onCreate={(name, scopes) => {
            setCreated(null);
            create.mutate({ name, scopes });
          }}
        />
        {created ? <NewKeyNotice name={created.name} token={created.token} onDone={() => setCreated(null)} /> : null}
      </section>

      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="font-semibold">
          {list.data?.scope === "account" ? "Keys in this account" : "Your keys"}
        </h2>
        <p role="status" className="min-h-5 text-sm text-muted">
          {status}
        </p>
        <QueryState
          query={list}
          loading={
            <p className="text-sm text-muted" aria-busy="true">
              Loading keys…
            </p>
          }
          isEmpty={(data) => data.keys.length === 0}
          empty={<Notice>No API keys yet. Create one above to call the REST API from your own tools.</Notice>}
          errorFallback="The keys could not be loaded."
        >
          {(data) => (
            <KeysList
              keys={data.keys}
              showOwner={data.scope === "account"}
              onRevoke={(key) => {
                revoke.reset();
                setRevoking(key);
              }}
            />
          )}
        </QueryState>
      </section>

      <RevokeDialog
        keyName={revoking?.name ?? null}
        pending={revoke.isPending}
        error={revoke.error ? errorDetail(revoke.error) : null}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
      />
    </div>
  );
}
