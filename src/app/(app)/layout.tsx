import Link from "next/link";
import { headers } from "next/headers";
import { requireUser } from "@/server/auth/session";
import { SignOutButton } from "@/components/auth/sign-out-button";

export const dynamic = "force-dynamic";

const NAV = [
  { href: "/queue", label: "Queue" },
  { href: "/analytics/escalations", label: "Analytics" },
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/docs/api", label: "API docs" },
];

/** The signed-in shell: every page under (app) requires a session. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const path = (await headers()).get("x-pathname") ?? "/queue";
  const user = await requireUser(path);
  return (
    <div className="min-h-screen">
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/queue" className="font-semibold tracking-tight">
            FlowPilot
          </Link>
          <nav aria-label="Main" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {NAV.map((item) => (
              <Link key={item.href} href={item.href} className="text-muted hover:text-ink">
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-muted" data-testid="current-user">
              {user.name} · {user.role}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
