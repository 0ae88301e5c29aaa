import type { Metadata } from "next";
import { AccountSettingsForm } from "@/components/account/account-settings-form";
import { requireUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Account settings" };

export default async function AccountSettingsPage() {
  await requireUser("/settings/account");
  return (
    <div className="max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Account settings</h1>
        <p className="text-sm text-muted">
          The time zone of the analytics calendar (days and weeks start at local midnight) and the target for time to
          first action. Owners and admins can change them.
        </p>
      </header>
      <AccountSettingsForm />
    </div>
  );
}
