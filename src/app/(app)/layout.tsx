import Link from "next/link";
import { headers } from "next/headers";
import { requireUser } from "@/server/auth/session";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavLinks } from "@/components/app-shell/nav-links";
import { NAV_ITEMS } from "@/components/app-shell/nav-items";
import { can } from "@/server/auth/policy";

export const dynamic = "force-dynamic";

/** The signed-in shell: every page under (app) requires a session. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const path = (await headers()).get("x-pathname") ?? "/queue";
  const user = await requireUser(path);
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/queue" className="flex items-center gap-2 font-semibold tracking-tight">
            <span aria-hidden="true" className="inline-block size-5 rounded-md bg-accent" />
            FlowPilot
          </Link>
          <NavLinks items={NAV_ITEMS.filter((item) => !item.needs || can(user, item.needs))} />
          <div className="ml-auto flex min-w-0 items-center gap-3 text-sm">
            <span className="truncate text-muted" data-testid="current-user">
              {user.name} · {user.role}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
