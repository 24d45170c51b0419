// A customer's profile: their name and notes (editable), every thread of theirs in every channel,
// and merging another record of the same person into this one.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { findCustomerProfile } from "@/lib/customers/queries";
import { threadIdSchema } from "@/lib/inbox/thread-schemas";
import { ChannelBadge } from "@/components/inbox/channel-badge";
import { CustomerEditor } from "@/components/customers/customer-editor";
import { CustomerMerge } from "@/components/customers/customer-merge";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Customer" };
export const dynamic = "force-dynamic";

export default async function CustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  await requirePagePermission("customers.view");
  const parsed = threadIdSchema.safeParse((await params).customerId);
  if (!parsed.success) notFound();
  const profile = await findCustomerProfile(await getDb(), parsed.data);
  if (!profile) notFound();
  // A record merged into another one: its profile is the other one's.
  if (profile.id !== parsed.data) redirect(`/inbox/customers/${profile.id}`);
  return (
    <main className="h-full overflow-y-auto" data-testid="customer-profile" data-customer-id={profile.id}>
      <div className="mx-auto grid max-w-5xl gap-6 p-6 lg:grid-cols-[20rem_1fr]">
        <section aria-label="Customer" className="space-y-4">
          <div>
            <h1 className="text-xl font-semibold" data-testid="customer-name">
              {profile.name}
            </h1>
            <p className="text-sm text-slate-600">
              {profile.email ?? "no e-mail"}
              {profile.phone ? ` · ${profile.phone}` : ""}
            </p>
            <p className="mt-1 text-xs text-slate-600">
              Customer since <LocalTime iso={profile.createdAt} />
              {profile.hasAccount ? " · has an account" : ""}
              {profile.externalId ? ` · ${profile.externalId}` : ""}
            </p>
            {profile.blocked ? (
              <p data-testid="customer-blocked" className="mt-2 rounded-md bg-red-50 px-2 py-1 text-xs text-red-800 ring-1 ring-red-200">
                Blocked: a thread of theirs was marked as spam. The contact form and chat refuse them.
              </p>
            ) : null}
          </div>
          <CustomerEditor customer={{ id: profile.id, name: profile.name, notes: profile.notes }} />
          <CustomerMerge targetId={profile.id} suggestions={profile.sameEmail} />
        </section>
        <section aria-labelledby="customer-threads">
          <h2 id="customer-threads" className="mb-2 text-sm font-semibold">
            Every thread, in every channel ({profile.threads.length})
          </h2>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="customer-threads">
            {profile.threads.map((t) => (
              <li key={t.id} data-testid="customer-thread" data-id={t.id}>
                <Link href={`/inbox/${t.id}`} className="flex items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50">
                  <ChannelBadge channel={t.channel} />
                  <span className="min-w-0 flex-1 truncate">{t.subject || "(no subject)"}</span>
                  <span className={`text-xs ${t.status === "open" ? "text-green-700" : "text-slate-600"}`}>{t.status}</span>
                  <span className="text-xs text-slate-600">
                    <LocalTime iso={t.lastMessageAt} />
                  </span>
                </Link>
              </li>
            ))}
            {profile.threads.length === 0 ? <li className="px-3 py-4 text-sm text-slate-600">No threads.</li> : null}
          </ul>
        </section>
      </div>
    </main>
  );
}
