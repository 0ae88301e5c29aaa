"use client";
import { useId, useState } from "react";

type Props = {
  onCreate: (name: string) => void;
  pending: boolean;
  error: string | null;
};

/** Names a new key. The parent runs the mutation and shows the token. */
export function CreateKeyForm({ onCreate, pending, error }: Props) {
  const [name, setName] = useState("");
  const inputId = useId();
  const errorId = useId();

  return (
    <form
      className="flex flex-col gap-2 sm:flex-row sm:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = name.trim();
        if (!trimmed) return;
        onCreate(trimmed);
        setName("");
      }}
    >
      <div className="flex-1">
        <label htmlFor={inputId} className="text-sm font-medium">
          Key name
        </label>
        <input
          id={inputId}
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={80}
          required
          placeholder="e.g. PSA dashboard"
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
          className="mt-1 block w-full rounded-md border border-border bg-canvas px-3 py-2 text-base placeholder:text-muted"
        />
      </div>
      <button
        type="submit"
        disabled={pending || !name.trim()}
        aria-busy={pending}
        className="rounded-md bg-accent px-4 py-2 font-medium text-accent-ink hover:opacity-90 disabled:opacity-60"
      >
        {pending ? "Creating…" : "Create key"}
      </button>
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-danger sm:basis-full">
          {error}
        </p>
      ) : null}
    </form>
  );
}
