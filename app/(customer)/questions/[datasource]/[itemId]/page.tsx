// /questions/{datasource}/{item_id} — a product's public questions to one seller and the seller's answers, for anyone: the asker as first name and initial, never an e-mail or a private conversation
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { findLinkTarget, findPublicQuestions } from "@/lib/conversations/queries";
import { PORTAL_TEXTS } from "@/lib/conversations/texts";
import { customerPageLocale } from "@/lib/portal/locale";
import { ItemLine, PortalTime } from "@/components/portal/bits";
import { LanguageSwitch } from "@/components/ui/public-form-page";

export const metadata: Metadata = { title: "Questions" };
export const dynamic = "force-dynamic";

const id = (v: string) => (/^[1-9]\d{0,14}$/.test(v) ? Number(v) : null);

export default async function QuestionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ datasource: string; itemId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { datasource, itemId } = await params;
  const locale = await customerPageLocale({ lang: (await searchParams).lang });
  const t = PORTAL_TEXTS[locale];
  const sellerId = id(datasource);
  const productId = id(itemId);
  const db = await getDb();
  const target = sellerId && productId ? await findLinkTarget(db, { customerId: 0, sellerId, itemContent: "product", itemId: productId }) : null;
  if (!target?.seller || !target.item) notFound();
  const questions = await findPublicQuestions(db, { sellerId: target.seller.id, productId: target.item.id, anonymous: t.anonymous });
  const here = `/questions/${target.seller.id}/${target.item.id}`;
  const ask = `/account/messages/new?item_content=product&item_id=${target.item.id}&datasource=${target.seller.id}`;
  return (
    <main lang={locale} className="mx-auto max-w-3xl px-4 py-10">
      <LanguageSwitch
        label={locale === "tr" ? "Dil" : "Language"}
        current={locale}
        links={(["en", "tr"] as const).map((l) => ({ locale: l, href: `${here}?lang=${l}` }))}
      />
      <h1 className="text-2xl font-semibold">{t.questions.title(target.item.name)}</h1>
      <p className="mt-1 text-sm text-slate-600">{t.questions.intro(target.seller.title)}</p>
      <div className="mt-4 flex flex-wrap items-center justify-between gap-4 rounded-xl border border-slate-200 bg-white p-4">
        <ItemLine item={target.item} locale={locale} />
        <Link href={ask} className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700" data-testid="ask-question">
          {t.questions.ask}
        </Link>
      </div>
      {questions.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600" data-testid="no-questions">
          {t.questions.none}
        </p>
      ) : (
        <ul className="mt-6 space-y-4" data-testid="public-questions">
          {questions.map((q) => {
            const [question, ...answers] = q.messages;
            return (
              <li key={q.id} className="rounded-xl border border-slate-200 bg-white p-4" data-testid="public-question">
                {q.subject ? <h2 className="font-semibold">{q.subject}</h2> : null}
                {question ? <p className="mt-1 text-sm whitespace-pre-wrap text-slate-800">{question.body}</p> : null}
                <p className="mt-1 text-xs text-slate-600">
                  {t.questions.askedBy(q.asker)} · <PortalTime iso={q.askedAt} locale={locale} />
                </p>
                {answers.length ? (
                  <ul className="mt-3 space-y-2 border-l-2 border-violet-200 pl-3">
                    {answers.map((m) => (
                      <li key={m.id} className="text-sm" data-from={m.from}>
                        <span className="font-medium text-slate-800">{m.name}</span>
                        <p className="whitespace-pre-wrap text-slate-700">{m.body}</p>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-3 text-xs text-amber-700">{t.questions.awaiting}</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
