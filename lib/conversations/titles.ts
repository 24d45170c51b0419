// The titles a conversation may be filed under (SOAP getConversationSubject; a seller's
// postConversation names one). Admin-managed at /admin/titles: a code, a text per desk language,
// an order, active or not. A deactivated title is no longer offered; conversations keep it.
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversationTitles, conversationTitleTranslations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE } from "@/lib/i18n";

export interface TitleView {
  id: number;
  code: string;
  /** In the asked language, else the default language's, else the code. */
  text: string;
}

/** The active titles in the admin's order, worded in `locale`. */
export async function findTitles(db: Db, locale: string): Promise<TitleView[]> {
  const rows = await db
    .select({
      id: conversationTitles.id,
      code: conversationTitles.code,
      locale: conversationTitleTranslations.locale,
      text: conversationTitleTranslations.text,
    })
    .from(conversationTitles)
    .leftJoin(conversationTitleTranslations, eq(conversationTitleTranslations.titleId, conversationTitles.id))
    .where(eq(conversationTitles.isActive, true))
    .orderBy(asc(conversationTitles.position), asc(conversationTitles.id));
  const out = new Map<number, TitleView & { rank: number }>();
  for (const r of rows) {
    const rank = r.locale === locale ? 2 : r.locale === DEFAULT_LOCALE ? 1 : 0;
    const current = out.get(r.id);
    if (!current) out.set(r.id, { id: r.id, code: r.code, text: r.text ?? r.code, rank: r.text ? rank : -1 });
    else if (r.text && rank > current.rank) out.set(r.id, { ...current, text: r.text, rank });
  }
  return [...out.values()].map((t) => ({ id: t.id, code: t.code, text: t.text }));
}

/** An active title named by its text in any language or by its code (without case), or undefined. */
export async function findTitleByName(db: Db, name: string): Promise<{ id: number; code: string } | undefined> {
  const wanted = name.trim();
  if (!wanted) return undefined;
  const [row] = await db
    .selectDistinct({ id: conversationTitles.id, code: conversationTitles.code, position: conversationTitles.position })
    .from(conversationTitles)
    .leftJoin(conversationTitleTranslations, eq(conversationTitleTranslations.titleId, conversationTitles.id))
    .where(
      and(
        eq(conversationTitles.isActive, true),
        sql`(lower(${conversationTitles.code}) = lower(${wanted}) or lower(${conversationTitleTranslations.text}) = lower(${wanted}))`,
      ),
    )
    .orderBy(asc(conversationTitles.position))
    .limit(1);
  return row ? { id: row.id, code: row.code } : undefined;
}

/** Every title with all its texts, for the admin page. */
export async function findTitlesForAdmin(db: Db) {
  const rows = await db
    .select({ title: conversationTitles, locale: conversationTitleTranslations.locale, text: conversationTitleTranslations.text })
    .from(conversationTitles)
    .leftJoin(conversationTitleTranslations, eq(conversationTitleTranslations.titleId, conversationTitles.id))
    .orderBy(asc(conversationTitles.position), asc(conversationTitles.id));
  const out = new Map<number, { id: number; code: string; position: number; isActive: boolean; texts: Record<string, string> }>();
  for (const r of rows) {
    const t = out.get(r.title.id) ?? { id: r.title.id, code: r.title.code, position: r.title.position, isActive: r.title.isActive, texts: {} };
    if (r.locale && r.text) t.texts[r.locale] = r.text;
    out.set(r.title.id, t);
  }
  return [...out.values()];
}

export interface SaveTitle {
  id?: number;
  code: string;
  position: number;
  isActive: boolean;
  texts: Record<string, string>;
}

/** Adds or changes a title and its texts (an empty text removes that language's). */
export async function saveTitle(db: Db, input: SaveTitle): Promise<number> {
  return db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: conversationTitles.id }).from(conversationTitles).where(eq(conversationTitles.code, input.code)).limit(1);
    if (clash && clash.id !== input.id) throw new AppError("invalid", "Another title has this code.", { code: ["Another title has this code."] });
    let id = input.id;
    if (id) {
      const [row] = await tx
        .update(conversationTitles)
        .set({ code: input.code, position: input.position, isActive: input.isActive })
        .where(eq(conversationTitles.id, id))
        .returning({ id: conversationTitles.id });
      if (!row) throw new AppError("not_found", "Title not found.");
    } else {
      const [row] = await tx
        .insert(conversationTitles)
        .values({ code: input.code, position: input.position, isActive: input.isActive })
        .returning({ id: conversationTitles.id });
      id = row!.id;
    }
    for (const [locale, text] of Object.entries(input.texts)) {
      if (text.trim()) {
        await tx
          .insert(conversationTitleTranslations)
          .values({ titleId: id, locale, text: text.trim() })
          .onConflictDoUpdate({ target: [conversationTitleTranslations.titleId, conversationTitleTranslations.locale], set: { text: text.trim() } });
      } else {
        await tx
          .delete(conversationTitleTranslations)
          .where(and(eq(conversationTitleTranslations.titleId, id), eq(conversationTitleTranslations.locale, locale)));
      }
    }
    return id;
  });
}
