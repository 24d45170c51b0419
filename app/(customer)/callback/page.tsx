import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { getLocaleSettings, pickLocale } from "@/lib/i18n";
import { CALLBACK_LOCALES, CALLBACK_TEXTS, isCallbackLocale, type CallbackLocale } from "@/lib/call-requests/messages";
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
        <nav aria-label={t.language} className="mb-6 flex justify-end gap-1 text-sm">
          {CALLBACK_LOCALES.map((l) => (
            <Link
              key={l}
              href={switchHref(l)}
              hrefLang={l}
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
            <p className="mt-4 text-sm font-medium" data-testid="callback-reference">
              {t.reference(sent)}
            </p>
            <Link href={switchHref(locale).replace(/&?sent=\d+/, "")} className="mt-6 inline-block text-sm text-brand-600 hover:underline">
              {t.another}
            </Link>
          </section>
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
