import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { getDeskOverview } from "@/lib/admin/queries";
import { CHANNEL_LABELS } from "@/components/inbox/channel-badge";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  await requirePagePermission("admin.view");
  const overview = await getDeskOverview(await getDb());
  return (
    <main className="max-w-4xl p-6">
      <h1 className="text-xl font-semibold">Administration</h1>
      <p className="mt-1 text-sm text-slate-600">
        Contact subjects, discussion typologies, API keys, e-mail routing and the outbox are managed from the menu.
      </p>
      <section className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {overview.channels.map((c) => (
          <Link key={c.channel} href={`/inbox?channel=${c.channel}`} className="rounded-lg border border-slate-200 bg-white p-4 hover:border-slate-300">
            <div className="text-xs text-slate-500">{CHANNEL_LABELS[c.channel]}</div>
            <div className="mt-1 text-2xl font-semibold tabular-nums">{c.open}</div>
            <div className="text-xs text-slate-500">open of {c.total}</div>
          </Link>
        ))}
      </section>
      <section className="mt-6 grid grid-cols-1 gap-3 sm:grid-cols-3 text-sm">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="text-xs text-slate-500">Staff</div>
          <div className="mt-1 text-lg font-semibold tabular-nums">{overview.staff}</div>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="text-xs text-slate-500">Active API keys</div>
          <div className="mt-1 text-lg font-semibold tabular-nums">{overview.apiKeys}</div>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="text-xs text-slate-500">Database</div>
          <div className="mt-1 text-lg font-semibold">{overview.driver === "pglite" ? "Embedded (PGlite)" : "PostgreSQL"}</div>
        </div>
      </section>
    </main>
  );
}
