"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "./nav-items";

// A client component: the layout does not re-render on navigation, the pathname hook does.
// The layout passes the items the signed-in user may use.
export function NavLinks({ items, label = "Main" }: { items: NavItem[]; label?: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="-mx-1 flex flex-wrap gap-1 text-sm">
      {items.map((item) => {
        const active = item.match.some((m) => pathname === m || pathname.startsWith(`${m}/`));
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className="rounded-md px-2 py-1 text-muted hover:bg-subtle hover:text-ink aria-[current=page]:bg-accent-soft aria-[current=page]:font-medium aria-[current=page]:text-accent"
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
