"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const NAV = [
  { href: "/queue", label: "Queue", match: ["/queue", "/sessions"] },
  { href: "/analytics/escalations", label: "Analytics", match: ["/analytics"] },
  { href: "/settings/api-keys", label: "API keys", match: ["/settings"] },
  { href: "/docs/api", label: "API docs", match: ["/docs"] },
];

// A client component: the layout does not re-render on navigation, the pathname hook does.
export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="-mx-1 flex flex-wrap gap-1 text-sm">
      {NAV.map((item) => {
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
