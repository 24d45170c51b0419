"use client";
// The portal's language switch: it stores the choice (/account/language) and comes back to this
// page. Plain links, never prefetched: following one changes a setting.
import { usePathname } from "next/navigation";

const NAMES: Record<string, string> = { en: "English", tr: "Türkçe" };

export function PortalLanguageSwitch({ label, current, next }: { label: string; current: string; next?: string }) {
  const pathname = usePathname() || "/account";
  const back = next ?? pathname;
  return (
    <nav aria-label={label} className="flex gap-1 text-sm">
      {["en", "tr"].map((l) => (
        <a
          key={l}
          href={`/account/language?lang=${l}&next=${encodeURIComponent(back)}`}
          hrefLang={l}
          lang={l}
          aria-current={l === current ? "true" : undefined}
          className={`rounded px-2 py-1 ${l === current ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
        >
          {NAMES[l]}
        </a>
      ))}
    </nav>
  );
}
