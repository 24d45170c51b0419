// The contact form's fields beside a contact thread in the inbox (a server component: render it
// from the thread view with the thread id; it checks inbox.view itself).
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { resendContactMailAction } from "@/lib/contact/actions";
import { getContactPanel } from "@/lib/contact/queries";
import { getLocaleSettings } from "@/lib/i18n";

export async function ContactPanel({ threadId }: { threadId: number }) {
  await requirePermission("inbox.view");
  const db = await getDb();
  const { defaultLocale } = await getLocaleSettings(db);
  const panel = await getContactPanel(db, threadId, defaultLocale);
  if (!panel) return null;
  const d = panel.details;
  const rows: [string, React.ReactNode][] = [
    ["Subject", panel.subject ? `${panel.subject.text}${panel.subject.isActive ? "" : " (inactive)"}` : "—"],
    ["Name", d.fullName],
    ["E-mail", <a key="e" href={`mailto:${d.email}`} title={d.email} className="block truncate text-brand-600 hover:underline">{d.email}</a>],
    ["Phone", d.phone ?? "—"],
    ["Order", d.orderNumber ?? "—"],
    ["Operation", d.operation ?? "—"],
    ["Sent to", d.routedTo ?? "—"],
    ["Language", d.locale ?? "—"],
  ];
  return (
    <section aria-label="Contact form" data-testid="contact-panel" className="text-sm">
      <dl className="grid grid-cols-[6.5rem_1fr] gap-x-2 gap-y-1.5">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="min-w-0 text-slate-800 [overflow-wrap:anywhere]">{value}</dd>
          </div>
        ))}
        <dt className="text-slate-500">Attachment</dt>
        <dd>
          {panel.files.length
            ? panel.files.map((f) => (
                <a key={f.id} href={`/api/attachments/${f.id}`} className="block text-brand-600 hover:underline">
                  {f.fileName} ({Math.max(1, Math.round(f.size / 1024))} KB)
                </a>
              ))
            : "—"}
        </dd>
      </dl>
      {panel.lastMailFailure ? (
        <div role="status" data-testid="mail-failure" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-amber-900">
          <p>
            An e-mail to {String(panel.lastMailFailure.data.to ?? "the customer")} could not be sent ({String(panel.lastMailFailure.data.error ?? "unknown error")}).
          </p>
          {panel.lastMailFailure.data.messageId ? (
            <form action={resendContactMailAction} className="mt-2">
              <input type="hidden" name="threadId" value={threadId} />
              <input type="hidden" name="messageId" value={String(panel.lastMailFailure.data.messageId)} />
              <button type="submit" className="rounded-md bg-white px-2.5 py-1 text-xs font-medium text-amber-900 ring-1 ring-amber-300 hover:bg-amber-100">
                Send again
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
