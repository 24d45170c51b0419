// The frame of the customer's own pages: the desk's name, "My messages", the account, the
// language switch and sign-out.
import Link from "next/link";
import { customerSignOutAction } from "@/lib/accounts/actions";
import { ACCOUNT_TEXTS, type AccountLocale } from "@/lib/accounts/texts";
import { PORTAL_TEXTS } from "@/lib/conversations/texts";
import { PortalLanguageSwitch } from "./language-switch";

export function PortalShell({ locale, name, children }: { locale: AccountLocale; name: string; children: React.ReactNode }) {
  const a = ACCOUNT_TEXTS[locale];
  const p = PORTAL_TEXTS[locale];
  return (
    <div lang={locale} className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-12 max-w-4xl items-center gap-5 px-4 text-sm">
          <Link href="/account/messages" className="flex items-center gap-2 font-semibold">
            <span className="flex h-7 w-7 items-center justify-center rounded-lg bg-brand-600 text-sm text-white">S</span>
            <span className="hidden sm:inline">Switchboard</span>
          </Link>
          <nav className="flex items-center gap-4 text-slate-600">
            <Link href="/account/messages" className="hover:text-slate-900">
              {p.list.title}
            </Link>
            <Link href="/account" className="hover:text-slate-900">
              {a.account.title}
            </Link>
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <span className="hidden text-slate-600 sm:inline" data-testid="portal-user">
              {name}
            </span>
            <PortalLanguageSwitch label={a.language} current={locale} />
            <form action={customerSignOutAction}>
              <button type="submit" className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900" data-testid="portal-sign-out">
                {a.account.signOut}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-4xl px-4 py-6">{children}</main>
    </div>
  );
}
