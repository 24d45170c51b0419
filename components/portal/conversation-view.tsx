"use client";
// One of the customer's conversations: the messages (theirs, and the seller's under the seller's
// name), and a reply box with files (the channel's types and limits, checked again by the bytes
// on the server). Live: a new message of this conversation on the customer's stream refreshes it
// and marks it read.
import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useActionState, useEffect, useRef } from "react";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { markReadAction, replyAction, type PortalFormState } from "@/lib/portal/actions";
import { PORTAL_TEXTS, type PortalLocale } from "@/lib/conversations/texts";
import type { CustomerAttachmentView, CustomerMessageView, PortalConversationView } from "@/lib/conversations/views";
import { FormAlert } from "@/components/ui/form-field";
import { Badges, ItemLine, PortalTime } from "./bits";
import { PORTAL_LIVE_EVENTS } from "./conversation-list";

const EXTENSIONS: Record<string, string> = {
  png: ".png",
  jpg: ".jpg,.jpeg",
  gif: ".gif",
  bmp: ".bmp",
  tif: ".tif,.tiff",
  webp: ".webp",
  pdf: ".pdf",
  doc: ".doc",
  docx: ".docx",
  xls: ".xls",
  xlsx: ".xlsx",
};

async function fetchConversation(id: number): Promise<PortalConversationView> {
  const response = await fetch(`/api/portal/conversations/${id}`, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`The conversation could not be loaded (${response.status}).`);
  return (await response.json()) as PortalConversationView;
}

function Files({ files }: { files: CustomerAttachmentView[] }) {
  if (!files.length) return null;
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      {files.map((f) =>
        f.isImage ? (
          <a key={f.id} href={`/api/portal/attachments/${f.id}`} title={f.fileName}>
            {/* eslint-disable-next-line @next/next/no-img-element -- an authorized download, not a static asset */}
            <img
              src={`/api/portal/attachments/${f.id}?inline=1`}
              alt={f.fileName}
              className="max-h-40 max-w-56 rounded-md object-contain ring-1 ring-slate-200"
            />
          </a>
        ) : (
          <a
            key={f.id}
            href={`/api/portal/attachments/${f.id}`}
            download={f.fileName}
            className="rounded-md bg-white px-2.5 py-1.5 text-xs font-medium text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"
          >
            📎 {f.fileName}
          </a>
        ),
      )}
    </div>
  );
}

function Message({ m, locale }: { m: CustomerMessageView; locale: PortalLocale }) {
  const mine = m.from === "customer";
  return (
    <li data-testid="portal-message" data-from={m.from} className={`flex ${mine ? "justify-end pl-12" : "justify-start pr-12"}`}>
      <article
        className={`w-fit max-w-full min-w-40 rounded-xl px-4 py-3 shadow-xs ${mine ? "bg-brand-50 ring-1 ring-brand-100" : "bg-white ring-1 ring-slate-200"}`}
      >
        <header className="mb-1 flex items-center gap-3 text-xs">
          <span className="font-semibold text-slate-800" data-testid="portal-message-author">
            {mine ? PORTAL_TEXTS[locale].you : m.name}
          </span>
          <span className="ml-auto text-slate-600">
            <PortalTime iso={m.createdAt} locale={locale} />
          </span>
        </header>
        {m.body ? <div className="text-sm leading-relaxed whitespace-pre-wrap text-slate-800 [overflow-wrap:anywhere]">{m.body}</div> : null}
        <Files files={m.attachments} />
      </article>
    </li>
  );
}

export function ConversationView({ initial, locale }: { initial: PortalConversationView; locale: PortalLocale }) {
  const t = PORTAL_TEXTS[locale];
  const id = initial.id;
  const qc = useQueryClient();
  const key = ["portal", "conversation", id];
  const { data } = useQuery({ queryKey: key, queryFn: () => fetchConversation(id), initialData: initial, staleTime: 5_000 });
  useLiveEvent(PORTAL_LIVE_EVENTS, (event) => {
    if (Number(event.data.threadId) !== id) return;
    void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: ["portal", "conversations"] });
    // Seen as it arrives: the unread mark does not come back for what is on screen.
    if (event.name === "message.created" && event.data.authorRole !== "customer") void markReadAction(id);
  });

  const [state, action, pending] = useActionState<PortalFormState, FormData>(replyAction, {});
  const form = useRef<HTMLFormElement>(null);
  const sent = state.sent ?? 0;
  useEffect(() => {
    if (!sent) return;
    form.current?.reset();
    void qc.invalidateQueries({ queryKey: ["portal"] });
  }, [sent, qc]);
  const end = useRef<HTMLLIElement>(null);
  const count = data.messages.length;
  useEffect(() => {
    // No return value: newer browsers' scrollIntoView returns a promise, which is no cleanup.
    void end.current?.scrollIntoView({ block: "nearest" });
  }, [count]);

  const accept = data.upload.kinds.map((k) => EXTENSIONS[k] ?? `.${k}`).join(",");
  const error = (field: string) => state.fields?.[field]?.join(" ");
  return (
    <div className="space-y-4" data-testid="portal-conversation-view" data-id={id}>
      <Link href="/account/messages" className="text-sm text-brand-700 hover:underline">
        ← {t.thread.back}
      </Link>
      <header className="rounded-xl border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-lg font-semibold">{data.subject || data.item?.name || t.types[data.type]}</h1>
            {data.seller ? <p className="text-sm text-slate-600">{t.list.from(data.seller.title)}</p> : null}
          </div>
          <Badges c={data} locale={locale} />
        </div>
        {data.item ? (
          <div className="mt-3">
            <ItemLine item={data.item} locale={locale} />
          </div>
        ) : null}
        {data.isPublic ? <p className="mt-3 text-xs text-violet-700">{t.thread.publicNote}</p> : null}
      </header>

      <ol className="space-y-3" data-testid="portal-messages" aria-live="polite">
        {data.messages.map((m) => (
          <Message key={m.id} m={m} locale={locale} />
        ))}
        <li ref={end} aria-hidden />
      </ol>

      {data.status === "closed" ? <p className="text-center text-xs text-slate-600">{t.thread.closedNote}</p> : null}
      <form ref={form} action={action} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="portal-reply">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="thread" value={id} />
        {state.error && !state.fields ? <FormAlert>{state.error}</FormAlert> : null}
        <label htmlFor="portal-reply-body" className="block text-sm font-medium text-slate-700">
          {t.thread.reply}
        </label>
        <textarea
          id="portal-reply-body"
          name="body"
          rows={3}
          maxLength={10000}
          placeholder={t.thread.replyPlaceholder}
          aria-invalid={error("body") ? true : undefined}
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
        />
        {error("body") ? <span className="block text-xs text-red-700">{error("body")}</span> : null}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <label className="text-sm text-slate-700">
            <span className="sr-only">{t.thread.attach}</span>
            <input type="file" name="files" multiple accept={accept} data-testid="portal-reply-files" className="text-xs" />
            <span className="mt-1 block text-xs text-slate-600">{t.thread.filesHint(data.upload.description)}</span>
            {error("files") ? <span className="block text-xs text-red-700">{error("files")}</span> : null}
          </label>
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {pending ? t.thread.sending : t.thread.send}
          </button>
        </div>
        <p className="text-xs text-slate-600">{t.thread.live}</p>
      </form>
    </div>
  );
}
