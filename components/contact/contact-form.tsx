"use client";
// The public contact form. A server action behind useActionState, so it also works without
// JavaScript as a plain multipart post. With JavaScript the order field appears only for
// subjects that need an order; without it the field is always there, with a hint saying when.
import { useActionState, useEffect, useRef, useState } from "react";
import { submitContactAction, type ContactFormState } from "@/lib/contact/actions";
import { CONTACT_TEXTS, type ContactLocale } from "@/lib/contact/texts";
import { useHydrated } from "@/components/ui/use-hydrated";

const input =
  "w-full rounded-md border border-slate-300 px-3 py-2 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-400";
const ACCEPT = ".pdf,.jpg,.jpeg,.png,.xls,.xlsx,.doc,.docx,application/pdf,image/jpeg,image/png";

export interface FormSubject {
  id: number;
  text: string;
  isOrderNeeded: boolean;
}

export function ContactForm({ locale, subjects, maxMb }: { locale: ContactLocale; subjects: FormSubject[]; maxMb: number }) {
  const t = CONTACT_TEXTS[locale];
  const [state, action, pending] = useActionState<ContactFormState, FormData>(submitContactAction, {});
  const values = state.values ?? {};
  const hydrated = useHydrated();
  const [subject, setSubject] = useState(values.subject ?? "");
  const [shownState, setShownState] = useState(state);
  if (shownState !== state) {
    // A new answer from the server: the form remounts with what came back.
    setShownState(state);
    setSubject(state.values?.subject ?? "");
  }
  const needsOrder = subjects.find((s) => String(s.id) === subject)?.isOrderNeeded ?? false;
  const showOrder = !hydrated || needsOrder;
  const alertRef = useRef<HTMLParagraphElement>(null);
  // The chosen file survives a refusal: the form remounts with what came back, and the browser would
  // drop the file, so it is put back into the new input (unless the file itself was what was wrong).
  const fileRef = useRef<HTMLInputElement>(null);
  const keptFile = useRef<File | null>(null);
  useEffect(() => {
    if (state.error) alertRef.current?.focus();
    if (state.fields?.file) keptFile.current = null;
    if (keptFile.current && fileRef.current && !fileRef.current.files?.length) {
      const transfer = new DataTransfer();
      transfer.items.add(keptFile.current);
      fileRef.current.files = transfer.files;
    }
  }, [state]);

  const errorOf = (field: string) => state.fields?.[field]?.join(" ");
  const described = (name: string, hint?: boolean) => (errorOf(name) ? `${name}-error` : hint ? `${name}-hint` : undefined);
  const errorText = (name: string) =>
    errorOf(name) ? (
      <span id={`${name}-error`} className="mt-1 block text-xs text-red-700">
        {errorOf(name)}
      </span>
    ) : null;
  // The label names the field; errors and hints describe it (aria-describedby), outside the label.
  const label = (name: string, text: string, optional?: boolean) => (
    <label htmlFor={`contact-${name}`} className="mb-1 block text-sm font-medium text-slate-700">
      {text}
      {optional ? <span className="font-normal text-slate-600"> ({t.optional})</span> : null}
    </label>
  );
  const needingOrder = subjects.filter((s) => s.isOrderNeeded).map((s) => s.text);

  return (
    <form
      key={JSON.stringify(state)}
      action={action}
      noValidate
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
      data-testid="contact-form"
    >
      <input type="hidden" name="lang" value={locale} />
      {state.error ? (
        <p ref={alertRef} tabIndex={-1} role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error === "rate_limited" ? t.rateLimited(Math.max(1, Math.ceil((state.retryAfterSeconds ?? 60) / 60))) : t.fixErrors}
        </p>
      ) : null}

      <div className="block">
        {label("subject", t.subject)}
        <select
          id="contact-subject"
          name="subject"
          required
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          aria-invalid={errorOf("subject") ? true : undefined}
          aria-describedby={described("subject")}
          className={input}
        >
          <option value="">{t.chooseSubject}</option>
          {subjects.map((s) => (
            <option key={s.id} value={s.id}>
              {s.text}
            </option>
          ))}
        </select>
        {errorText("subject")}
      </div>

      <div className="block">
        {label("full_name", t.fullName)}
        <input
          id="contact-full_name"
          name="full_name"
          required
          maxLength={70}
          autoComplete="name"
          defaultValue={values.full_name ?? ""}
          aria-invalid={errorOf("full_name") ? true : undefined}
          aria-describedby={described("full_name")}
          className={input}
        />
        {errorText("full_name")}
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="block">
          {label("email", t.email)}
          <input
            id="contact-email"
            name="email"
            type="email"
            required
            maxLength={254}
            autoComplete="email"
            defaultValue={values.email ?? ""}
            aria-invalid={errorOf("email") ? true : undefined}
            aria-describedby={described("email")}
            className={input}
          />
          {errorText("email")}
        </div>
        <div className="block">
          {label("phone", t.phone, true)}
          <input
            id="contact-phone"
            name="phone"
            type="tel"
            maxLength={70}
            autoComplete="tel"
            defaultValue={values.phone ?? ""}
            aria-invalid={errorOf("phone") ? true : undefined}
            aria-describedby={described("phone")}
            className={input}
          />
          {errorText("phone")}
        </div>
      </div>

      {showOrder ? (
        <div className="block" data-testid="order-field">
          {label("order", t.order, !hydrated)}
          <input
            id="contact-order"
            name="order"
            required={hydrated}
            maxLength={64}
            defaultValue={values.order ?? ""}
            aria-invalid={errorOf("order") ? true : undefined}
            aria-describedby={described("order", !hydrated && needingOrder.length > 0)}
            className={input}
          />
          {errorText("order") ??
            (!hydrated && needingOrder.length ? (
              <span id="order-hint" className="mt-1 block text-xs text-slate-600">
                {t.orderHint(needingOrder.join(", "))}
              </span>
            ) : null)}
        </div>
      ) : null}

      <div className="block">
        {label("message", t.message)}
        <textarea
          id="contact-message"
          name="message"
          required
          rows={6}
          maxLength={10000}
          defaultValue={values.message ?? ""}
          aria-invalid={errorOf("message") ? true : undefined}
          aria-describedby={described("message")}
          className={input}
        />
        {errorText("message")}
      </div>

      <div className="block">
        {label("file", t.file, true)}
        <input
          id="contact-file"
          name="file"
          type="file"
          ref={fileRef}
          onChange={(e) => (keptFile.current = e.target.files?.[0] ?? null)}
          accept={ACCEPT}
          aria-invalid={errorOf("file") ? true : undefined}
          aria-describedby={errorOf("file") ? "file-error" : "file-hint"}
          className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
        />
        {errorText("file") ?? (
          <span id="file-hint" className="mt-1 block text-xs text-slate-600">
            {t.fileHint(maxMb)}
          </span>
        )}
      </div>

      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t.sending : t.submit}
      </button>
    </form>
  );
}
