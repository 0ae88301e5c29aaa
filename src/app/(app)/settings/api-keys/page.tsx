import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeysManager } from "@/components/api-keys/api-keys-manager";
import { can } from "@/server/auth/policy";
import { requireUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const user = await requireUser("/settings/api-keys");
  const canManage = can(user, "manageOwnKeys");
  const manageAll = can(user, "manageAllKeys");

  return (
    <div className="max-w-4xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">API keys</h1>
        <p className="text-sm text-muted">
          A key lets your own tools call the FlowPilot REST API as you, with your current role. See the{" "}
          <Link href="/docs/api" className="text-accent underline">
            API docs
          </Link>
          .{" "}
          {manageAll
            ? "As an account " + user.role + ", you manage every key in this account."
            : canManage
              ? "You manage the keys you created."
              : null}
        </p>
      </header>
      {canManage ? (
        <ApiKeysManager />
      ) : (
        <p className="rounded-lg border border-border bg-surface p-4 text-sm">
          Your role ({user.role}) cannot have API keys. Ask an owner or admin of your account if you need one.
        </p>
      )}
    </div>
  );
}
