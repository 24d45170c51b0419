"use client";
// The public call-back form. A server action behind useActionState, so it also works without
// JavaScript: the page posts, comes back with the errors and what was typed, or redirects to
// the confirmation.
import { useActionState, useEffect, useRef } from "react";
import { submitCallbackAction, type CallbackFormState } from "@/lib/call-requests/actions";
import { CALLBACK_TEXTS, type CallbackLocale } from "@/lib/call-requests/texts";

const input =
  "w-full rounded-md border px-3 py-2 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-400";

export function CallbackForm({ locale, context }: { locale: CallbackLocale; context: { productId?: number; orderId?: number; product?: string } }) {
  const t = CALLBACK_TEXTS[locale];
  const [state, action, pending] = useActionState<CallbackFormState, FormData>(submitCallbackAction, {});
  const values = state.values ?? {};
  // The visitor's zone and today's date come from their browser; without JavaScript the desk's zone
  // applies and no day means the next time the window comes round.
  const zoneRef = useRef<HTMLInputElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zoneRef.current && zone) zoneRef.current.value = zone;
    const today = new Date().toLocaleDateString("en-CA");
    if (dateRef.current) {
      dateRef.current.min = today;
      if (!dateRef.current.value) dateRef.current.value = today;
    }
  }, [state]);
  const errorOf = (field: string) => {
    const code = state.fields?.[field]?.[0];
    return code ? t.errors[code] : undefined;
  };

  const field = (
    name: string,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> & { ref?: React.Ref<HTMLInputElement> } = {},
    hint?: string,
  ) => {
    const error = errorOf(name);
    return (
      <label className="block">
        <span className="mb-1 block text-sm font-medium text-slate-700">{label}</span>
        <input
          name={name}
          defaultValue={values[name] ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${name}-error` : hint ? `${name}-hint` : undefined}
          className={`${input} border-slate-300`}
          {...props}
        />
        {error ? (
          <span id={`${name}-error`} className="mt-1 block text-xs text-red-700">
            {error}
          </span>
        ) : hint ? (
          <span id={`${name}-hint`} className="mt-1 block text-xs text-slate-600">
            {hint}
          </span>
        ) : null}
      </label>
    );
  };

  const about = [
    context.product ?? (context.productId ? t.aboutProduct(context.productId) : null),
    context.orderId ? t.aboutOrder(context.orderId) : null,
  ].filter(Boolean);

  return (
    // key: a new state remounts the inputs, so defaultValue shows what came back.
    <form key={JSON.stringify(state)} action={action} noValidate className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <input type="hidden" name="lang" value={locale} />
      <input type="hidden" name="time_zone" ref={zoneRef} defaultValue={values.time_zone ?? ""} />
      {context.productId ? <input type="hidden" name="product_id" value={context.productId} /> : null}
      {context.product ? <input type="hidden" name="product" value={context.product} /> : null}
      {context.orderId ? <input type="hidden" name="order_id" value={context.orderId} /> : null}
      {about.length ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="callback-context">
          {t.about}: {about.join(" · ")}
        </p>
      ) : null}

      {state.error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error === "rate_limited" ? t.rateLimited(Math.max(1, Math.ceil((state.retryAfterSeconds ?? 60) / 60))) : t.fixErrors}
        </p>
      ) : null}

      {field("name", t.name, { autoComplete: "name", required: true, maxLength: 120 })}
      <fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          {field("phone", t.phone, { type: "tel", autoComplete: "tel", maxLength: 32 })}
          {field("email", t.email, { type: "email", autoComplete: "email", maxLength: 254 })}
        </div>
        <p className="mt-1 text-xs text-slate-600">{t.contactHint}</p>
      </fieldset>
      <fieldset>
        <legend className="mb-1 block text-sm font-medium text-slate-700">{t.window}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          {field("date", t.day, { type: "date", ref: dateRef })}
          {field("time_from", t.from, { type: "time", step: 900 })}
          {field("time_to", t.to, { type: "time", step: 900 })}
        </div>
        <p className="mt-1 text-xs text-slate-600">{t.windowHint}</p>
      </fieldset>
      <label className="block">
        <span className="mb-1 block text-sm font-medium text-slate-700">{t.note}</span>
        <textarea
          name="note"
          rows={3}
          maxLength={2000}
          defaultValue={values.note ?? ""}
          placeholder={t.notePlaceholder}
          aria-invalid={errorOf("note") ? true : undefined}
          className={`${input} border-slate-300`}
        />
        {errorOf("note") ? <span className="mt-1 block text-xs text-red-700">{errorOf("note")}</span> : null}
      </label>
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
