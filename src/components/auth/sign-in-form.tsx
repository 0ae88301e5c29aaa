"use client";
/**
 * Email + password form. Posts to next-auth without a full-page redirect so
 * an error appears in place; on success it goes to the (already vetted)
 * same-site callback path.
 */
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { SIGN_IN_MESSAGES, signInMessage } from "@/server/auth/sign-in-errors";

export function SignInForm({ callbackPath, initialError }: { callbackPath: string; initialError: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const errorId = useId();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
        callbackUrl: callbackPath,
      });
      if (result?.ok && !result.error) {
        router.replace(callbackPath);
        router.refresh();
        return; // stay "pending" while the next page loads
      }
      setError(signInMessage(result?.error ?? ""));
    } catch {
      setError(SIGN_IN_MESSAGES.unavailable);
    }
    setPending(false);
    if (passwordRef.current) {
      passwordRef.current.value = "";
      passwordRef.current.focus();
    }
  }

  // Fields are read-only (not disabled) while pending, so focus can go straight back to the password.
  const field =
    "mt-1 block w-full rounded-md border border-border bg-canvas px-3 py-2 text-base text-ink " +
    "placeholder:text-muted focus:border-accent read-only:opacity-60";

  return (
    <form onSubmit={onSubmit} aria-describedby={error ? errorId : undefined} className="space-y-4">
      <div>
        <label htmlFor="signin-email" className="text-sm font-medium">
          Email
        </label>
        <input
          id="signin-email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          readOnly={pending}
          aria-invalid={error ? true : undefined}
          className={field}
        />
      </div>
      <div>
        <label htmlFor="signin-password" className="text-sm font-medium">
          Password
        </label>
        <input
          id="signin-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          ref={passwordRef}
          readOnly={pending}
          aria-invalid={error ? true : undefined}
          className={field}
        />
      </div>
      <div id={errorId} role="alert" aria-live="assertive" className="min-h-5 text-sm text-danger">
        {error}
      </div>
      <Button type="submit" disabled={pending} aria-busy={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
