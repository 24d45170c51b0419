// /account/forgot-password — a customer asks for a link to choose a new password (the same answer whether or not the account exists)
import type { Metadata } from "next";
import { ACCOUNT_TEXTS } from "@/lib/accounts/texts";
import { customerPageLocale } from "@/lib/portal/locale";
import { AuthCard } from "@/components/accounts/auth-card";
import { ForgotPasswordForm } from "@/components/accounts/account-forms";

export const metadata: Metadata = { title: "Forgot your password?" };
export const dynamic = "force-dynamic";

export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await customerPageLocale({ lang: (await searchParams).lang });
  const t = ACCOUNT_TEXTS[locale];
  return (
    <AuthCard locale={locale} title={t.forgot.title} intro={t.forgot.intro} languageLabel={t.language} here={"/account/forgot-password"}>
      <ForgotPasswordForm locale={locale} />
    </AuthCard>
  );
}
