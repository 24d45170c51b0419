import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { findPublishedDemoCredentials, getDeskOverview } from "@/lib/admin/queries";
import { channelLabel } from "@/lib/channels/catalog";
import { DisableForm } from "@/components/admin/users/staff-forms";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  await requirePagePermission("admin.view");
  const db = await getDb();
  const [overview, demo] = await Promise.all([getDeskOverview(db), findPublishedDemoCredentials(db)]);
  return (
    <main className="max-w-4xl p-6">
      <h1 className="text-xl font-semibold">Administration</h1>
      <p className="mt-1 text-sm text-slate-600">
        Staff, contact subjects, discussion typologies, API keys, e-mail routing and the outbox are managed from the menu.
      </p>
      {demo.users.length || demo.apiKeys.length ? (
        <section role="alert" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" data-testid="demo-warning">
          <h2 className="font-semibold">Demo sign-ins with published passwords still work</h2>
          <p className="mt-1">
            Anyone who has read the README can sign in with these. Before real use, change their passwords or disable them, and revoke the demo keys.
          </p>
          <ul className="mt-2 list-disc pl-5">
            {demo.users.map((u) => (
              <li key={`u${u.id}`} className="flex items-center gap-2">
                <span>
                  {u.email} ({u.role})
                </span>
                <DisableForm id={u.id} name={u.email} disabled={false} />
                {u.role !== "customer" ? (
                  <Link href="/admin/users" className="text-xs underline">
                    Staff
                  </Link>
                ) : null}
              </li>
            ))}
            {demo.apiKeys.map((k) => (
              <li key={`k${k.id}`}>
                API key “{k.name}” ({k.keyPrefix}) —{" "}
                <Link href="/admin/api-keys" className="underline">
                  API keys
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {overview.channels.map((c) => (
          <Link key={c.channel} href={`/inbox?channel=${c.channel}`} className="rounded-lg border border-slate-200 bg-white p-4 hover:border-slate-300">
            <div className="text-xs text-slate-600">{channelLabel(c.channel)}</div>
            <div className="mt-1 text-2xl font-semibold tabular-nums">{c.open}</div>
            <div className="text-xs text-slate-600">open of {c.total}</div>
          </Link>
        ))}
      </section>
      <section className="mt-6 grid grid-cols-1 gap-3 sm:grid-cols-3 text-sm">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="text-xs text-slate-600">Staff</div>
          <div className="mt-1 text-lg font-semibold tabular-nums">{overview.staff}</div>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="text-xs text-slate-600">Active API keys</div>
          <div className="mt-1 text-lg font-semibold tabular-nums">{overview.apiKeys}</div>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="text-xs text-slate-600">Database</div>
          <div className="mt-1 text-lg font-semibold">{overview.driver === "pglite" ? "Embedded (PGlite)" : "PostgreSQL"}</div>
        </div>
      </section>
    </main>
  );
}
