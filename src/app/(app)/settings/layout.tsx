import { requireUser } from "@/server/auth/session";
import { can } from "@/server/auth/policy";
import { NavLinks } from "@/components/app-shell/nav-links";
import { SETTINGS_ITEMS } from "@/components/app-shell/nav-items";

/** The settings pages share a second row of links: the ones the signed-in user may open. */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser("/settings");
  return (
    <div className="space-y-6">
      <NavLinks label="Settings" items={SETTINGS_ITEMS.filter((item) => !item.needs || can(user, item.needs))} />
      {children}
    </div>
  );
}
