import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { moveSubjectAction, setSubjectActiveAction } from "@/lib/contact/actions";
import { findSubjectsForAdmin } from "@/lib/contact/queries";
import { findLanguages } from "@/lib/i18n";
import { SubjectEditor } from "@/components/admin/contact/subject-editor";

export const metadata: Metadata = { title: "Contact subjects" };
export const dynamic = "force-dynamic";

const small = "rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-40";

export default async function SubjectsPage() {
  await requirePagePermission("subjects.manage");
  const db = await getDb();
  const [subjects, languages] = await Promise.all([findSubjectsForAdmin(db), findLanguages(db)]);
  const langs = languages.map((l) => ({ code: l.code, name: l.name, isDefault: l.isDefault }));
  const defaultCode = langs.find((l) => l.isDefault)?.code ?? "en";

  return (
    <main className="max-w-5xl p-6">
      <h1 className="text-xl font-semibold">Contact subjects</h1>
      <p className="mt-1 text-sm text-slate-600">
        What visitors choose on the contact form and the contact-us API lists, in this order. Each subject has a text per language (the default language, marked
        *, is required) and may need an order number. A deactivated subject is no longer offered; threads filed under it keep it.
      </p>

      <section aria-labelledby="add-subject" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="add-subject" className="mb-3 text-sm font-semibold">
          Add a subject
        </h2>
        <SubjectEditor languages={langs} />
      </section>

      <ol className="mt-6 space-y-3" aria-label="Subjects">
        {subjects.map((s, i) => (
          <li
            key={s.id}
            data-testid="subject-row"
            data-id={s.id}
            data-active={s.isActive}
            className={`rounded-lg border bg-white p-4 ${s.isActive ? "border-slate-200" : "border-dashed border-slate-300 bg-slate-50"}`}
          >
            <div className="mb-3 flex flex-wrap items-center gap-2">
              <span className="font-medium">{s.translations[defaultCode] ?? s.code}</span>
              {!s.isActive ? <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">Inactive</span> : null}
              {s.isOrderNeeded ? <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">Order needed</span> : null}
              <span className="ml-auto flex gap-1">
                <form action={moveSubjectAction}>
                  <input type="hidden" name="id" value={s.id} />
                  <input type="hidden" name="direction" value="up" />
                  <button type="submit" className={small} disabled={i === 0} aria-label={`Move ${s.translations[defaultCode] ?? s.code} up`}>
                    ↑ Up
                  </button>
                </form>
                <form action={moveSubjectAction}>
                  <input type="hidden" name="id" value={s.id} />
                  <input type="hidden" name="direction" value="down" />
                  <button
                    type="submit"
                    className={small}
                    disabled={i === subjects.length - 1}
                    aria-label={`Move ${s.translations[defaultCode] ?? s.code} down`}
                  >
                    ↓ Down
                  </button>
                </form>
                <form action={setSubjectActiveAction}>
                  <input type="hidden" name="id" value={s.id} />
                  <input type="hidden" name="active" value={s.isActive ? "false" : "true"} />
                  <button type="submit" className={small}>
                    {s.isActive ? "Deactivate" : "Activate"}
                  </button>
                </form>
              </span>
            </div>
            <SubjectEditor subject={s} languages={langs} />
          </li>
        ))}
      </ol>
    </main>
  );
}
