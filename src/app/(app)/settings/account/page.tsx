import type { Metadata } from "next";
import { AccountSettingsForm } from "@/components/account/account-settings-form";
import { can } from "@/server/auth/policy";
import { requireUser } from "@/server/auth/session";
import { api, HydrateClient } from "@/trpc/server";

export const metadata: Metadata = { title: "Account settings" };

export default async function AccountSettingsPage() {
  const user = await requireUser("/settings/account");
  const canEdit = can(user, "manageAccount");
  // Awaited, so the first paint already shows the values (and, for editors, the zone list).
  await Promise.all([api.account.settings.prefetch(), canEdit ? api.account.timeZones.prefetch() : null]);
  return (
    <div className="max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Account settings</h1>
        <p className="text-sm text-muted">
          The time zone of the analytics calendar (days and weeks start at local midnight) and the target for time to
          first action. {canEdit ? "As an account " + user.role + ", you can change them." : "Owners and admins can change them."}
        </p>
      </header>
      <HydrateClient>
        <AccountSettingsForm />
      </HydrateClient>
    </div>
  );
}
