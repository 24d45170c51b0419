// The frame of the public forms (/contact, /callback): a language switch, then either the form or
// the confirmation after sending.
import Link from "next/link";

const LANGUAGE_NAMES: Record<string, string> = { en: "English", tr: "Türkçe" };

export function LanguageSwitch({ label, current, links }: { label: string; current: string; links: { locale: string; href: string }[] }) {
  return (
    <nav aria-label={label} className="mb-6 flex justify-end gap-1 text-sm">
      {links.map(({ locale, href }) => (
        <Link
          key={locale}
          href={href}
          hrefLang={locale}
          lang={locale}
          aria-current={locale === current ? "true" : undefined}
          className={`rounded px-2 py-1 ${locale === current ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
        >
          {LANGUAGE_NAMES[locale] ?? locale}
        </Link>
      ))}
    </nav>
  );
}

export function SentConfirmation(props: { title: string; body: string; reference: string; referenceTestId: string; again: string; againHref: string }) {
  return (
    <section role="status" className="rounded-xl border border-green-200 bg-white p-8 text-center shadow-sm">
      <div className="mx-auto mb-4 flex h-12 w-12 items-center justify-center rounded-full bg-green-100 text-2xl text-green-700" aria-hidden>
        ✓
      </div>
      <h1 className="text-xl font-semibold">{props.title}</h1>
      <p className="mt-2 text-sm text-slate-600">{props.body}</p>
      <p className="mt-4 text-sm font-medium" data-testid={props.referenceTestId}>
        {props.reference}
      </p>
      <Link href={props.againHref} className="mt-6 inline-block text-sm text-brand-700 hover:underline">
        {props.again}
      </Link>
    </section>
  );
}
