import type { Metadata } from "next";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { LanguageSwitch, SentConfirmation } from "@/components/ui/public-form-page";
import { getLocaleSettings, pickLocale } from "@/lib/i18n";
import { CONTACT_LOCALES, CONTACT_TEXTS, isContactLocale, type ContactLocale } from "@/lib/contact/texts";
import { findActiveSubjects } from "@/lib/contact/queries";
import { CHANNEL_CATALOG } from "@/lib/channels/catalog";
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
        <LanguageSwitch label={t.language} current={locale} links={CONTACT_LOCALES.map((l) => ({ locale: l, href: href(l) }))} />
        {sent ? (
          <SentConfirmation
            title={t.thanksTitle}
            body={t.thanksBody}
            reference={t.reference(sent)}
            referenceTestId="contact-reference"
            again={t.another}
            againHref={href(locale, false)}
          />
        ) : (
          <>
            <h1 className="text-2xl font-semibold">{t.title}</h1>
            <p className="mt-2 mb-6 text-sm text-slate-600">{t.intro}</p>
            {subjects.length ? (
              <ContactForm locale={locale} subjects={subjects} maxMb={Math.round(CHANNEL_CATALOG.contact.upload.maxTotalBytes / (1024 * 1024))} />
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
