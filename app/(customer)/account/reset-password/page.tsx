// /account/reset-password?token=… — the mailed link: choose a new password (once, before the link expires)
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { isResetTokenLive } from "@/lib/accounts/service";
import { ACCOUNT_TEXTS } from "@/lib/accounts/texts";
import { customerPageLocale } from "@/lib/portal/locale";
import { AuthCard } from "@/components/accounts/auth-card";
import { ResetPasswordForm } from "@/components/accounts/account-forms";
import { FormAlert } from "@/components/ui/form-field";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const locale = await customerPageLocale({ lang: params.lang });
  const t = ACCOUNT_TEXTS[locale];
  const live = await isResetTokenLive(await getDb(), token);
  const here = `/account/reset-password?token=${encodeURIComponent(token)}`;
  return (
    <AuthCard locale={locale} title={t.reset.title} intro={live ? t.reset.intro : undefined} languageLabel={t.language} here={here}>
      {live ? (
        <ResetPasswordForm locale={locale} token={token} />
      ) : (
        <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="reset-invalid">
          <FormAlert>{t.reset.invalid}</FormAlert>
          <Link href="/account/forgot-password" className="text-sm font-medium text-brand-700 hover:underline">
            {t.reset.again}
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
