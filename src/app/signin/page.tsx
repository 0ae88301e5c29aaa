import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/server/auth/callback-url";
import { currentUser } from "@/server/auth/session";
import { signInMessage } from "@/server/auth/sign-in-errors";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  // Already signed in: go straight on. A database outage still shows the form.
  const user = await currentUser().catch(() => null);
  if (user) redirect(callbackPath);
  const error = typeof params.error === "string" ? signInMessage(params.error) : null;

  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-12 sm:items-center">
      <div className="w-full max-w-sm">
        <p className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold tracking-tight">
          <span aria-hidden="true" className="inline-block size-5 rounded-md bg-accent" />
          FlowPilot
        </p>
        <section aria-labelledby="signin-heading" className="rounded-lg border border-border bg-surface p-6 shadow-sm">
          <h1 id="signin-heading" className="mb-1 text-xl font-semibold">Sign in</h1>
          <p className="mb-6 text-sm text-muted">Use the email and password your administrator gave you.</p>
          <SignInForm callbackPath={callbackPath} initialError={error} />
        </section>
      </div>
    </main>
  );
}
