// /account — the customer's account: a way to their messages and their notification settings
import type { Metadata } from "next";
import Link from "next/link";
import { ACCOUNT_TEXTS } from "@/lib/accounts/texts";
import { customerPageLocale } from "@/lib/portal/locale";
import { requirePortalPage } from "@/lib/portal/session";
import { PortalShell } from "@/components/portal/portal-shell";
import { SettingsForm } from "@/components/accounts/account-forms";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requirePortalPage("/account");
  const locale = await customerPageLocale({ lang: (await searchParams).lang, userLocale: me.customer.locale });
  const t = ACCOUNT_TEXTS[locale].account;
  return (
    <PortalShell locale={locale} name={me.customer.name}>
      <h1 className="text-xl font-semibold">{t.hello(me.customer.name)}</h1>
      <section className="mt-6 rounded-xl border border-slate-200 bg-white p-5">
        <Link href="/account/messages" className="text-base font-semibold text-brand-700 hover:underline" data-testid="account-messages-link">
          {t.messages}
        </Link>
        <p className="mt-1 text-sm text-slate-600">{t.messagesHint}</p>
      </section>
      <p className="mt-4 text-sm">
        <Link href="/account/password" className="text-slate-600 hover:underline">
          {t.changePassword}
        </Link>
      </p>
      <section className="mt-4 rounded-xl border border-slate-200 bg-white p-5">
        <h2 className="mb-3 font-semibold">{t.settings}</h2>
        <SettingsForm
          locale={locale}
          values={{ notifyOnReply: me.customer.notifyOnReply, emailAllowed: me.customer.emailAllowed, smsAllowed: me.customer.smsAllowed }}
        />
      </section>
    </PortalShell>
  );
}
