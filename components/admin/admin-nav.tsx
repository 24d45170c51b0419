"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The admin area's sections; each issue that adds one adds its line here. */
const SECTIONS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/users", label: "Staff" },
  { href: "/admin/subjects", label: "Contact subjects" },
  { href: "/admin/typologies", label: "Discussion typologies" },
  { href: "/admin/titles", label: "Conversation titles" },
  { href: "/admin/sellers", label: "Sellers" },
  { href: "/admin/chat", label: "Live chat" },
  { href: "/admin/import", label: "Import discussions" },
  { href: "/admin/tags", label: "Tags" },
  { href: "/admin/api-keys", label: "API keys" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/outbox", label: "Outbox" },
  { href: "/admin/trash", label: "Trash" },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Administration" className="w-56 shrink-0 border-r border-slate-200 bg-white p-3 text-sm">
      <ul className="space-y-0.5">
        {SECTIONS.map((s) => {
          const active = s.href === "/admin" ? pathname === "/admin" : pathname.startsWith(s.href);
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={active ? "page" : undefined}
                className={`block rounded px-2 py-1.5 ${active ? "bg-slate-100 font-medium text-slate-900" : "text-slate-600 hover:bg-slate-50"}`}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
