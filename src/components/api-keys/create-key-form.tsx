"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { LabelledInput } from "@/components/ui/text-input";
import { API_KEY_SCOPES, API_KEY_SCOPE_LABELS, DEFAULT_API_KEY_SCOPES, type ApiKeyScope } from "@/server/auth/scopes";
import { FormError } from "@/components/ui/form-error";

type Props = {
  onCreate: (name: string, scopes: ApiKeyScope[]) => void;
  pending: boolean;
  error: string | null;
};

/** Names a new key and chooses its scopes. The parent runs the mutation and shows the token. */
export function CreateKeyForm({ onCreate, pending, error }: Props) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<readonly ApiKeyScope[]>(DEFAULT_API_KEY_SCOPES);
  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((current) => API_KEY_SCOPES.filter((s) => (s === scope ? on : current.includes(s))));
  const errorId = useId();

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = name.trim();
        if (!trimmed || scopes.length === 0) return;
        onCreate(trimmed, [...scopes]);
        setName("");
        setScopes(DEFAULT_API_KEY_SCOPES);
      }}
    >
      <div className="max-w-md">
        <LabelledInput
          label="Key name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={80}
          required
          placeholder="e.g. PSA dashboard"
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">What the key may do</legend>
        <div className="mt-1 flex flex-col gap-1">
          {API_KEY_SCOPES.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                checked={scopes.includes(scope)}
                onChange={(e) => toggle(scope, e.target.checked)}
                className="mt-1"
              />
              <span>
                <code className="font-mono text-xs">{scope}</code> — {API_KEY_SCOPE_LABELS[scope]}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" className="self-start" disabled={pending || !name.trim() || scopes.length === 0} aria-busy={pending}>
        {pending ? "Creating…" : "Create key"}
      </Button>
      <FormError id={errorId}>{error}</FormError>
    </form>
  );
}
