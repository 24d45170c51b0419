import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";
import type { CurrentUser } from "@/lib/auth/session";

export function AppHeader({ user }: { user: CurrentUser }) {
  return (
    <header className="flex h-12 shrink-0 items-center gap-6 border-b border-slate-200 bg-white px-4">
      <Link href="/inbox" className="flex items-center gap-2 font-semibold">
        <span className="flex h-7 w-7 items-center justify-center rounded-lg bg-brand-600 text-sm text-white">S</span>
        Switchboard
      </Link>
      <nav className="flex items-center gap-4 text-sm text-slate-600">
        <Link href="/inbox" className="hover:text-slate-900">
          Inbox
        </Link>
        <Link href="/inbox/calls" className="hover:text-slate-900">
          Calls
        </Link>
        {user.role === "admin" ? (
          <Link href="/admin" className="hover:text-slate-900">
            Admin
          </Link>
        ) : null}
      </nav>
      <div className="ml-auto flex items-center gap-3 text-sm">
        <span className="text-slate-600" data-testid="current-user">
          {user.name} <span className="text-slate-400">· {user.role}</span>
        </span>
        <form action={signOutAction}>
          <button type="submit" className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
            Sign out
          </button>
        </form>
      </div>
    </header>
  );
}
