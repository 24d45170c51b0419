// The frame of the customer's sign-in, sign-up and password pages: a language switch, a title, the form.
import { PortalLanguageSwitch } from "@/components/portal/language-switch";

export function AuthCard({
  locale,
  title,
  intro,
  languageLabel,
  here,
  children,
}: {
  locale: string;
  title: string;
  intro?: string;
  languageLabel: string;
  /** This page (with its query), to come back to after switching the language. */
  here: string;
  children: React.ReactNode;
}) {
  return (
    <main lang={locale} className="flex min-h-screen items-start justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-6 flex justify-end">
          <PortalLanguageSwitch label={languageLabel} current={locale} next={here} />
        </div>
        <div className="mb-6 text-center">
          <div className="mx-auto mb-3 flex h-11 w-11 items-center justify-center rounded-xl bg-brand-600 text-lg font-bold text-white">S</div>
          <h1 className="text-xl font-semibold">{title}</h1>
          {intro ? <p className="mt-2 text-sm text-slate-600">{intro}</p> : null}
        </div>
        {children}
      </div>
    </main>
  );
}
