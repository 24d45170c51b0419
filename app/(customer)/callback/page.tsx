import type { Metadata } from "next";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { LanguageSwitch, SentConfirmation } from "@/components/ui/public-form-page";
import { getLocaleSettings, pickLocale } from "@/lib/i18n";
import { CALLBACK_LOCALES, CALLBACK_TEXTS, isCallbackLocale, type CallbackLocale } from "@/lib/call-requests/texts";
import { CallbackForm } from "@/components/call-requests/callback-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Request a call-back" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const positiveId = (v: string | undefined) => (v && /^\d{1,15}$/.test(v) && Number(v) > 0 ? Number(v) : undefined);

/** ?lang= wins (the switch), then Accept-Language among the desk's languages this page speaks. */
async function chooseLocale(lang: string | undefined): Promise<CallbackLocale> {
  if (isCallbackLocale(lang)) return lang;
  const { codes, defaultLocale } = await getLocaleSettings(await getDb());
  const available = codes.filter(isCallbackLocale);
  const fallback = isCallbackLocale(defaultLocale) ? defaultLocale : "en";
  const picked = pickLocale((await headers()).get("accept-language"), available.length ? available : ["en"], fallback);
  return isCallbackLocale(picked) ? picked : "en";
}

export default async function CallbackPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const locale = await chooseLocale(one(params.lang));
  const t = CALLBACK_TEXTS[locale];
  const sent = positiveId(one(params.sent));
  const context = {
    productId: positiveId(one(params.product_id)),
    orderId: positiveId(one(params.order_id)),
    product: one(params.product)?.trim().slice(0, 200) || undefined,
  };
  const switchHref = (lang: CallbackLocale) => {
    const q = new URLSearchParams();
    q.set("lang", lang);
    if (context.productId) q.set("product_id", String(context.productId));
    if (context.product) q.set("product", context.product);
    if (context.orderId) q.set("order_id", String(context.orderId));
    if (sent) q.set("sent", String(sent));
    return `/callback?${q}`;
  };

  return (
    <main lang={locale} className="flex min-h-screen items-start justify-center px-4 py-12">
      <div className="w-full max-w-lg">
        <LanguageSwitch label={t.language} current={locale} links={CALLBACK_LOCALES.map((l) => ({ locale: l, href: switchHref(l) }))} />
        {sent ? (
          <SentConfirmation
            title={t.thanksTitle}
            body={t.thanksBody}
            reference={t.reference(sent)}
            referenceTestId="callback-reference"
            again={t.another}
            againHref={switchHref(locale).replace(/&?sent=\d+/, "")}
          />
        ) : (
          <>
            <h1 className="text-2xl font-semibold">{t.title}</h1>
            <p className="mt-2 mb-6 text-sm text-slate-600">{t.intro}</p>
            <CallbackForm locale={locale} context={context} />
          </>
        )}
      </div>
    </main>
  );
}
