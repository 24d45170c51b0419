import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { outboxDir, readOutbox } from "@/lib/mail";

export const metadata: Metadata = { title: "Outbox" };
export const dynamic = "force-dynamic";

/** The headers we show from a raw message (unfolded). */
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const match = head.replace(/\r?\n[ \t]+/g, " ").match(new RegExp(`^${name}: (.*)$`, "im"));
  return match?.[1] ?? "";
}

export default async function OutboxPage() {
  await requirePagePermission("settings.manage");
  const smtp = !!process.env.SMTP_URL;
  const mails = await readOutbox(100);
  return (
    <main className="max-w-5xl p-6">
      <h1 className="text-xl font-semibold">Outbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        {smtp
          ? "Mail is sent through SMTP (SMTP_URL is set). Messages written here before that are kept below."
          : `No SMTP_URL is set, so outgoing mail is written to ${outboxDir()} instead of being sent.`}
      </p>
      {mails.length === 0 ? (
        <p className="mt-6 rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">No mail yet.</p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {mails.map((mail) => (
            <li key={mail.file}>
              <details className="group px-4 py-3">
                <summary className="flex cursor-pointer list-none items-center gap-4 text-sm">
                  <span className="w-48 shrink-0 truncate text-slate-600">{header(mail.raw, "To")}</span>
                  <span className="min-w-0 flex-1 truncate font-medium">{header(mail.raw, "Subject")}</span>
                  <span className="shrink-0 text-xs text-slate-500">{header(mail.raw, "Date")}</span>
                </summary>
                <pre className="mt-3 max-h-96 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs text-slate-700">{mail.raw.slice(0, 20_000)}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
