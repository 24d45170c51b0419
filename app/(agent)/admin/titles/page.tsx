// /admin/titles — the titles a conversation may be filed under: what the SOAP service's
// getConversationSubject lists (in the request's language) and postConversation's `title` names.
// Admins only.
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { findTitlesForAdmin } from "@/lib/conversations/titles";
import { findLanguages } from "@/lib/i18n";
import { TitleForm } from "@/components/admin/titles/title-form";

export const metadata: Metadata = { title: "Conversation titles" };
export const dynamic = "force-dynamic";

export default async function TitlesPage() {
  await requirePagePermission("titles.manage");
  const db = await getDb();
  const [titles, languages] = await Promise.all([findTitlesForAdmin(db), findLanguages(db)]);
  const langs = languages.map((l) => ({ code: l.code, name: l.name }));
  const first = langs[0]?.code ?? "en";
  return (
    <main className="mx-auto max-w-5xl space-y-8 p-6">
      <div>
        <h1 className="text-xl font-semibold">Conversation titles</h1>
        <p className="mt-1 text-sm text-slate-600">
          The titles a seller files a conversation under. The SOAP service lists the active ones (<code>getConversationSubject</code>, in the caller&apos;s
          language) and <code>postConversation</code> accepts a title by its text in any language or its code. A deactivated title is no longer offered;
          conversations keep it.
        </p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-semibold">New title</h2>
        <TitleForm languages={langs} testId="title-new" />
      </section>
      <section>
        <h2 className="mb-2 font-semibold">All titles</h2>
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="titles">
          {titles.map((t) => (
            <li key={t.id} data-testid="title-row" data-code={t.code} className={t.isActive ? "" : "text-slate-600"}>
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-x-4 px-4 py-2 text-sm">
                  <span className="font-mono text-xs">{t.code}</span>
                  <span className="font-medium">{t.texts[first] ?? "—"}</span>
                  <span className="ml-auto text-xs">{t.isActive ? "active" : "inactive"}</span>
                </summary>
                <div className="border-t border-slate-100 bg-slate-50 p-4">
                  <TitleForm languages={langs} values={t} testId={`title-edit-${t.id}`} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
