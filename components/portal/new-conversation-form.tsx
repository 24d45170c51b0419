"use client";
// A new conversation from a shop's link: what it is (a message or a question), a subject, the
// message, files, and — for a question about a product — whether it may be shown publicly.
import { useActionState, useState } from "react";
import { startConversationAction, type PortalFormState } from "@/lib/portal/actions";
import { PORTAL_TEXTS, type PortalLocale } from "@/lib/conversations/texts";
import { CheckboxField, FormAlert, SubmitButton, TextAreaField, TextField } from "@/components/ui/form-field";

export function NewConversationForm({
  locale,
  sellerId,
  itemContent,
  itemId,
  uploadHint,
}: {
  locale: PortalLocale;
  sellerId: number;
  itemContent: "product" | "orderitem" | null;
  itemId: number | null;
  uploadHint: string;
}) {
  const t = PORTAL_TEXTS[locale];
  const [state, action, pending] = useActionState<PortalFormState, FormData>(startConversationAction, {});
  const [type, setType] = useState<"message" | "question">(itemContent === "product" ? "question" : "message");
  const error = (field: string) => state.fields?.[field]?.join(" ");
  return (
    <form action={action} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" data-testid="portal-new">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="datasource" value={sellerId} />
      {itemContent && itemId ? (
        <>
          <input type="hidden" name="item_content" value={itemContent} />
          <input type="hidden" name="item_id" value={itemId} />
        </>
      ) : null}
      {state.error && !Object.keys(state.fields ?? {}).length ? <FormAlert>{state.error}</FormAlert> : null}
      {error("datasource") || error("item_id") ? <FormAlert>{error("datasource") ?? error("item_id")}</FormAlert> : null}
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t.start.type}</legend>
        <div className="flex gap-4 text-sm">
          {(["question", "message"] as const).map((value) => (
            <label key={value} className="flex items-center gap-1.5">
              <input type="radio" name="conversation_type" value={value} checked={type === value} onChange={() => setType(value)} />
              {t.types[value]}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField id="new-subject" name="subject" label={t.start.subject} hint={t.start.subjectHint} maxLength={200} error={error("subject")} />
      <TextAreaField id="new-message" name="message_content" label={t.start.message} required rows={5} maxLength={10000} error={error("message_content")} />
      <div>
        <input type="file" name="files" multiple data-testid="portal-new-files" className="text-xs" />
        <span className="mt-1 block text-xs text-slate-600">{uploadHint}</span>
        {error("files") ? <span className="block text-xs text-red-700">{error("files")}</span> : null}
      </div>
      {itemContent === "product" && type === "question" ? <CheckboxField name="is_public" label={t.start.makePublic} hint={t.start.makePublicHint} /> : null}
      <SubmitButton pending={pending} pendingText={t.start.sending}>
        {t.start.submit}
      </SubmitButton>
    </form>
  );
}
