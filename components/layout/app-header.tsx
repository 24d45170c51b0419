import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";
import type { CurrentUser } from "@/lib/auth/session";
import { agentTexts } from "@/lib/inbox/texts";
import { NotificationsMenu } from "./notifications-menu";
import { PreferencesMenu } from "./preferences-menu";

export function AppHeader({ user, locale }: { user: CurrentUser; locale: string }) {
  const t = agentTexts(locale);
  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-2 sm:gap-6 sm:px-4">
      <Link href="/inbox" className="flex items-center gap-2 font-semibold">
        <span className="flex h-7 w-7 items-center justify-center rounded-lg bg-brand-600 text-sm text-white">S</span>
        <span className="hidden md:inline">Switchboard</span>
      </Link>
      <nav className="flex min-w-0 items-center gap-3 overflow-x-auto text-sm text-slate-700 sm:gap-4">
        <Link href="/inbox" className="hover:text-slate-900">
          {t.nav.inbox}
        </Link>
        <Link href="/inbox/calls" className="hover:text-slate-900">
          {t.nav.calls}
        </Link>
        <Link href="/inbox/saved-replies" className="hover:text-slate-900">
          {t.nav.savedReplies}
        </Link>
        {user.role === "admin" ? (
          <Link href="/admin" className="hover:text-slate-900">
            {t.nav.admin}
          </Link>
        ) : null}
      </nav>
      <div className="ml-auto flex items-center gap-3 text-sm">
        <NotificationsMenu />
        <PreferencesMenu />
        <span className="hidden text-slate-700 sm:inline" data-testid="current-user">
          {user.name} <span className="text-slate-600">· {user.role}</span>
        </span>
        <Link href="/account/password" className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
          Password
        </Link>
        <form action={signOutAction}>
          <button type="submit" className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
            {t.nav.signOut}
          </button>
        </form>
      </div>
    </header>
  );
}
