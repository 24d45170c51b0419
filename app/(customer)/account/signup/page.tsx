// /account/signup — a customer creates an account (English and Turkish) and is signed in, then goes back to where they came from
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ACCOUNT_TEXTS } from "@/lib/accounts/texts";
import { customerPageLocale, safeNext } from "@/lib/portal/locale";
import { getPortalCustomer } from "@/lib/portal/session";
import { AuthCard } from "@/components/accounts/auth-card";
import { SignUpForm } from "@/components/accounts/account-forms";

export const metadata: Metadata = { title: "Create your account" };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignUpPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const next = safeNext(one(params.next));
  if (await getPortalCustomer()) redirect(next);
  const locale = await customerPageLocale({ lang: params.lang });
  const t = ACCOUNT_TEXTS[locale];
  const here = `/account/signup?next=${encodeURIComponent(next)}`;
  return (
    <AuthCard locale={locale} title={t.signUp.title} intro={t.signUp.intro} languageLabel={t.language} here={here}>
      <SignUpForm locale={locale} next={next} />
    </AuthCard>
  );
}
