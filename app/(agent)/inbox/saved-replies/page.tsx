import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { findLanguages } from "@/lib/i18n";
import { SAVED_REPLY_VARIABLES } from "@/lib/saved-replies/render";
import { findSavedReplies } from "@/lib/saved-replies/queries";
import { SavedReplyEditor } from "@/components/saved-replies/saved-reply-editor";

export const metadata: Metadata = { title: "Saved replies" };
export const dynamic = "force-dynamic";

export default async function SavedRepliesPage() {
  const user = await requirePagePermission("savedReplies.use");
  const db = await getDb();
  const [replies, languages] = await Promise.all([findSavedReplies(db, user.id), findLanguages(db)]);
  const langs = languages.map((l) => ({ code: l.code, name: l.name, isDefault: l.isDefault }));
  const admin = can(user.role, "savedReplies.manageTeam");
  const team = replies.filter((r) => r.ownerId === null);
  const mine = replies.filter((r) => r.ownerId !== null);
  return (
    <main className="h-full overflow-y-auto">
      <div className="mx-auto max-w-4xl p-6">
        <h1 className="text-xl font-semibold">Saved replies</h1>
        <p className="mt-1 text-sm text-slate-600">
          Insert one from the composer with <kbd className="rounded border border-slate-300 px-1 font-mono text-xs">/</kbd> in an empty box, or its Saved
          replies button. The thread&apos;s language picks the text (else the default language). Variables are filled in as it is inserted:
        </p>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-xs text-slate-600">
          {SAVED_REPLY_VARIABLES.map(([v, what]) => (
            <div key={v} className="contents">
              <dt className="font-mono">{v}</dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <section aria-labelledby="add-reply" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="add-reply" className="mb-3 text-sm font-semibold">
            Add a saved reply
          </h2>
          <SavedReplyEditor languages={langs} canTeam={admin} />
        </section>
        {[
          ["Team replies", team, admin],
          ["My replies", mine, true],
        ].map(([title, list, editable]) => (
          <section key={String(title)} className="mt-6" aria-label={String(title)}>
            <h2 className="mb-2 text-sm font-semibold">{String(title)}</h2>
            {(list as typeof replies).length === 0 ? <p className="text-sm text-slate-600">None yet.</p> : null}
            <ul className="space-y-3">
              {(list as typeof replies).map((r) => (
                <li key={r.id} data-testid="saved-reply-row" data-title={r.title} className="rounded-lg border border-slate-200 bg-white p-4">
                  {editable ? (
                    <SavedReplyEditor reply={r} languages={langs} canTeam={admin} />
                  ) : (
                    <>
                      <div className="font-medium">{r.title}</div>
                      {Object.entries(r.bodies).map(([locale, body]) => (
                        <p key={locale} className="mt-1 text-sm whitespace-pre-wrap text-slate-700">
                          <span className="mr-1 text-xs uppercase text-slate-600">{locale}</span>
                          {body}
                        </p>
                      ))}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </main>
  );
}
