// /account/login — a customer signs in (English and Turkish), then goes back to where they came from
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ACCOUNT_TEXTS } from "@/lib/accounts/texts";
import { customerPageLocale, safeNext } from "@/lib/portal/locale";
import { getPortalCustomer } from "@/lib/portal/session";
import { AuthCard } from "@/components/accounts/auth-card";
import { CustomerSignInForm } from "@/components/accounts/account-forms";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CustomerLoginPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const next = safeNext(one(params.next));
  if (await getPortalCustomer()) redirect(next);
  const locale = await customerPageLocale({ lang: params.lang });
  const t = ACCOUNT_TEXTS[locale];
  const here = `/account/login?next=${encodeURIComponent(next)}`;
  return (
    <AuthCard locale={locale} title={t.signIn.title} intro={t.signIn.intro} languageLabel={t.language} here={here}>
      <CustomerSignInForm locale={locale} next={next} />
    </AuthCard>
  );
}
