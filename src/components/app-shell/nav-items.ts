import type { Capability } from "@/server/auth/policy";

export type NavItem = { href: string; label: string; match: string[]; needs?: Capability };

/** The main navigation; the layout shows an item only when the policy grants what it `needs`. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/queue", label: "Queue", match: ["/queue", "/sessions"], needs: "readQueue" },
  { href: "/analytics/escalations", label: "Analytics", match: ["/analytics/escalations"], needs: "readAnalytics" },
  { href: "/analytics/savings", label: "Savings", match: ["/analytics/savings"], needs: "readAnalytics" },
  { href: "/settings/account", label: "Settings", match: ["/settings"], needs: "readQueue" },
  { href: "/docs/api", label: "API docs", match: ["/docs"] },
];

/** The settings pages' own links, filtered the same way. */
export const SETTINGS_ITEMS: NavItem[] = [
  { href: "/settings/account", label: "Account", match: ["/settings/account"], needs: "readQueue" },
  { href: "/settings/api-keys", label: "API keys", match: ["/settings/api-keys"], needs: "manageOwnKeys" },
];
