import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { getLocaleSettings, pickLocale } from "@/lib/i18n";
import { CONTACT_LOCALES, CONTACT_TEXTS, isContactLocale, type ContactLocale } from "@/lib/contact/messages";
import { findActiveSubjects } from "@/lib/contact/queries";
import { UPLOAD_POLICIES } from "@/lib/storage/file-types";
import { ContactForm } from "@/components/contact/contact-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Contact us" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const positiveId = (v: string | undefined) => (v && /^\d{1,15}$/.test(v) && Number(v) > 0 ? Number(v) : undefined);

/** ?lang= wins (the switch), then Accept-Language among the desk's languages this page speaks. */
async function chooseLocale(lang: string | undefined, codes: string[], defaultLocale: string): Promise<ContactLocale> {
  if (isContactLocale(lang)) return lang;
  const available = codes.filter(isContactLocale);
  const fallback = isContactLocale(defaultLocale) ? defaultLocale : "en";
  const picked = pickLocale((await headers()).get("accept-language"), available.length ? available : ["en"], fallback);
  return isContactLocale(picked) ? picked : "en";
}

export default async function ContactPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const db = await getDb();
  const { codes, defaultLocale } = await getLocaleSettings(db);
  const locale = await chooseLocale(one(params.lang), codes, defaultLocale);
  const t = CONTACT_TEXTS[locale];
  const sent = positiveId(one(params.sent));
  const subjects = sent ? [] : await findActiveSubjects(db, locale, defaultLocale);
  const href = (lang: ContactLocale, withSent = true) => `/contact?lang=${lang}${withSent && sent ? `&sent=${sent}` : ""}`;

  return (
    <main lang={locale} className="flex min-h-screen items-start justify-center px-4 py-12">
      <div className="w-full max-w-xl">
        <nav aria-label={t.language} className="mb-6 flex justify-end gap-1 text-sm">
          {CONTACT_LOCALES.map((l) => (
            <Link
              key={l}
              href={href(l)}
              hrefLang={l}
              lang={l}
              aria-current={l === locale ? "true" : undefined}
              className={`rounded px-2 py-1 ${l === locale ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
            >
              {l === "en" ? "English" : "Türkçe"}
            </Link>
          ))}
        </nav>
        {sent ? (
          <section role="status" className="rounded-xl border border-green-200 bg-white p-8 text-center shadow-sm">
            <div className="mx-auto mb-4 flex h-12 w-12 items-center justify-center rounded-full bg-green-100 text-2xl text-green-700" aria-hidden>
              ✓
            </div>
            <h1 className="text-xl font-semibold">{t.thanksTitle}</h1>
            <p className="mt-2 text-sm text-slate-600">{t.thanksBody}</p>
            <p className="mt-4 text-sm font-medium" data-testid="contact-reference">
              {t.reference(sent)}
            </p>
            <Link href={href(locale, false)} className="mt-6 inline-block text-sm text-brand-600 hover:underline">
              {t.another}
            </Link>
          </section>
        ) : (
          <>
            <h1 className="text-2xl font-semibold">{t.title}</h1>
            <p className="mt-2 mb-6 text-sm text-slate-600">{t.intro}</p>
            {subjects.length ? (
              <ContactForm locale={locale} subjects={subjects} maxMb={Math.round(UPLOAD_POLICIES.contact.maxTotalBytes / (1024 * 1024))} />
            ) : (
              <p role="status" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
                {t.noSubjects}
              </p>
            )}
          </>
        )}
      </div>
    </main>
  );
}
