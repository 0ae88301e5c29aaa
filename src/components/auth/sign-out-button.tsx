"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/signin" })}
      className="rounded-md border border-border px-2 py-1 text-muted hover:text-ink"
    >
      Sign out
    </button>
  );
}
