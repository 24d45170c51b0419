import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { findOutboxPage, outboxDir } from "@/lib/mail";

export const metadata: Metadata = { title: "Outbox" };
export const dynamic = "force-dynamic";

const PER_PAGE = 25;

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requirePagePermission("settings.manage");
  const smtp = !!process.env.SMTP_URL;
  const { mails, total, page, pages } = await findOutboxPage(Number((await searchParams).page ?? 1), PER_PAGE);
  return (
    <main className="max-w-5xl p-6">
      <h1 className="text-xl font-semibold">Outbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        {smtp
          ? "Mail is sent through SMTP (SMTP_URL is set). Messages written here before that are kept below."
          : `No SMTP_URL is set, so outgoing mail is written to ${outboxDir()} instead of being sent.`}
      </p>
      {mails.length === 0 ? (
        <p className="mt-6 rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">No mail yet.</p>
      ) : (
        <>
          <ul className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="outbox-list">
            {mails.map((mail) => (
              <li key={mail.file} data-testid="outbox-mail">
                <details className="group px-4 py-3">
                  <summary className="flex cursor-pointer list-none items-center gap-4 text-sm">
                    <span className="w-48 shrink-0 truncate text-slate-600">{mail.to}</span>
                    <span className="min-w-0 flex-1 truncate font-medium" data-testid="outbox-subject">
                      {mail.subject || "(no subject)"}
                    </span>
                    <span className="shrink-0 text-xs text-slate-600">
                      {mail.date ? new Date(mail.date).toISOString().replace("T", " ").slice(0, 16) + " UTC" : ""}
                    </span>
                  </summary>
                  <dl className="mt-3 grid grid-cols-[5rem_1fr] gap-x-2 gap-y-0.5 text-xs">
                    <dt className="text-slate-600">From</dt>
                    <dd>{mail.from}</dd>
                    <dt className="text-slate-600">To</dt>
                    <dd>{mail.to}</dd>
                    {mail.attachments.length ? (
                      <>
                        <dt className="text-slate-600">Files</dt>
                        <dd data-testid="outbox-attachments">
                          {mail.attachments.map((a) => `${a.filename} (${a.mimeType}, ${Math.max(1, Math.round(a.size / 1024))} KB)`).join(", ")}
                        </dd>
                      </>
                    ) : null}
                  </dl>
                  <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs whitespace-pre-wrap text-slate-800" data-testid="outbox-body">
                    {mail.text}
                  </pre>
                </details>
              </li>
            ))}
          </ul>
          <nav aria-label="Outbox pages" className="mt-4 flex items-center gap-4 text-sm">
            <span className="text-slate-600" data-testid="outbox-range">
              {(page - 1) * PER_PAGE + 1}–{(page - 1) * PER_PAGE + mails.length} of {total}
            </span>
            {page > 1 ? (
              <Link href={`/admin/outbox?page=${page - 1}`} className="text-brand-700 hover:underline">
                ← Newer
              </Link>
            ) : null}
            {page < pages ? (
              <Link href={`/admin/outbox?page=${page + 1}`} className="text-brand-700 hover:underline">
                Older →
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </main>
  );
}
