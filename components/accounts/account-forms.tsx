"use client";
// The customer account forms: sign in, sign up, forgotten password, new password, notification
// settings. Server actions behind useActionState: plain form posts without JavaScript too; the
// server words every refusal in the page's language.
import Link from "next/link";
import { useActionState } from "react";
import {
  customerSignInAction,
  forgotPasswordAction,
  resetPasswordAction,
  saveSettingsAction,
  signUpAction,
  type AccountFormState,
} from "@/lib/accounts/actions";
import { PASSWORD_MIN } from "@/lib/accounts/schemas";
import { ACCOUNT_TEXTS, type AccountLocale } from "@/lib/accounts/texts";
import { CheckboxField, FormAlert, SubmitButton, TextField } from "@/components/ui/form-field";

const card = "space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm";
const withNext = (path: string, next: string) => (next ? `${path}?next=${encodeURIComponent(next)}` : path);

function useAccountForm(action: (s: AccountFormState, f: FormData) => Promise<AccountFormState>) {
  const [state, run, pending] = useActionState<AccountFormState, FormData>(action, {});
  const error = (field: string) => state.fields?.[field]?.join(" ");
  return { state, run, pending, error, value: (field: string) => state.values?.[field] ?? "" };
}

export function CustomerSignInForm({ locale, next }: { locale: AccountLocale; next: string }) {
  const t = ACCOUNT_TEXTS[locale];
  const f = useAccountForm(customerSignInAction);
  return (
    <form key={JSON.stringify(f.state)} action={f.run} className={card} data-testid="customer-sign-in">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next} />
      {f.state.error ? <FormAlert>{f.state.error}</FormAlert> : null}
      <TextField id="signin-email" name="email" type="email" label={t.email} required autoComplete="username" autoFocus defaultValue={f.value("email")} />
      <TextField id="signin-password" name="password" type="password" label={t.password} required autoComplete="current-password" />
      <SubmitButton pending={f.pending} pendingText={t.signIn.pending}>
        {t.signIn.submit}
      </SubmitButton>
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        <Link href={withNext("/account/forgot-password", "")} className="text-brand-700 hover:underline">
          {t.signIn.forgot}
        </Link>
        <span className="text-slate-600">
          {t.signIn.noAccount}{" "}
          <Link href={withNext("/account/signup", next)} className="font-medium text-brand-700 hover:underline" data-testid="sign-up-link">
            {t.signIn.signUp}
          </Link>
        </span>
      </div>
    </form>
  );
}

export function SignUpForm({ locale, next }: { locale: AccountLocale; next: string }) {
  const t = ACCOUNT_TEXTS[locale];
  const f = useAccountForm(signUpAction);
  return (
    <form key={JSON.stringify(f.state)} action={f.run} className={card} data-testid="sign-up">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next} />
      {f.state.error ? <FormAlert>{f.state.error}</FormAlert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="signup-first_name"
          name="first_name"
          label={t.signUp.firstName}
          required
          maxLength={70}
          autoComplete="given-name"
          defaultValue={f.value("first_name")}
          error={f.error("first_name")}
        />
        <TextField
          id="signup-last_name"
          name="last_name"
          label={t.signUp.lastName}
          required
          maxLength={70}
          autoComplete="family-name"
          defaultValue={f.value("last_name")}
          error={f.error("last_name")}
        />
      </div>
      <TextField
        id="signup-email"
        name="email"
        type="email"
        label={t.email}
        required
        autoComplete="email"
        defaultValue={f.value("email")}
        error={f.error("email")}
      />
      <TextField
        id="signup-password"
        name="password"
        type="password"
        label={t.password}
        required
        minLength={PASSWORD_MIN}
        autoComplete="new-password"
        hint={t.signUp.passwordHint}
        error={f.error("password")}
      />
      <TextField
        id="signup-phone"
        name="phone"
        type="tel"
        label={t.signUp.phone}
        optional={t.optional}
        autoComplete="tel"
        defaultValue={f.value("phone")}
        error={f.error("phone")}
      />
      <div className="space-y-2">
        <CheckboxField name="notify_on_reply" label={t.signUp.notify} defaultChecked={f.state.values ? f.value("notify_on_reply") === "on" : true} />
        <CheckboxField name="email_allowed" label={t.signUp.emailAllowed} defaultChecked={f.value("email_allowed") === "on"} />
        <CheckboxField name="sms_allowed" label={t.signUp.smsAllowed} defaultChecked={f.value("sms_allowed") === "on"} />
      </div>
      <SubmitButton pending={f.pending} pendingText={t.signUp.pending}>
        {t.signUp.submit}
      </SubmitButton>
      <p className="text-sm text-slate-600">
        {t.signUp.haveAccount}{" "}
        <Link href={withNext("/account/login", next)} className="font-medium text-brand-700 hover:underline">
          {t.signUp.signIn}
        </Link>
      </p>
    </form>
  );
}

export function ForgotPasswordForm({ locale }: { locale: AccountLocale }) {
  const t = ACCOUNT_TEXTS[locale];
  const f = useAccountForm(forgotPasswordAction);
  if (f.state.ok) {
    return (
      <div className={card}>
        <FormAlert tone="success">{t.forgot.sent}</FormAlert>
        <Link href="/account/login" className="text-sm text-brand-700 hover:underline">
          {t.forgot.back}
        </Link>
      </div>
    );
  }
  return (
    <form key={JSON.stringify(f.state)} action={f.run} className={card} data-testid="forgot-password">
      <input type="hidden" name="locale" value={locale} />
      {f.state.error ? <FormAlert>{f.state.error}</FormAlert> : null}
      <TextField
        id="forgot-email"
        name="email"
        type="email"
        label={t.email}
        required
        autoComplete="email"
        defaultValue={f.value("email")}
        error={f.error("email")}
      />
      <SubmitButton pending={f.pending} pendingText={t.forgot.pending}>
        {t.forgot.submit}
      </SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ locale, token }: { locale: AccountLocale; token: string }) {
  const t = ACCOUNT_TEXTS[locale];
  const f = useAccountForm(resetPasswordAction);
  if (f.state.ok) {
    return (
      <div className={card}>
        <FormAlert tone="success">{t.reset.done}</FormAlert>
        <Link href="/account/login" className="text-sm font-medium text-brand-700 hover:underline">
          {t.signIn.submit}
        </Link>
      </div>
    );
  }
  return (
    <form key={JSON.stringify(f.state)} action={f.run} className={card} data-testid="reset-password">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      {f.state.error ? <FormAlert>{f.state.error}</FormAlert> : null}
      <TextField
        id="reset-password"
        name="password"
        type="password"
        label={t.password}
        required
        minLength={PASSWORD_MIN}
        autoComplete="new-password"
        hint={t.signUp.passwordHint}
        error={f.error("password")}
      />
      <TextField
        id="reset-password2"
        name="password2"
        type="password"
        label={t.reset.repeat}
        required
        autoComplete="new-password"
        error={f.error("password2")}
      />
      <SubmitButton pending={f.pending} pendingText={t.reset.pending}>
        {t.reset.submit}
      </SubmitButton>
    </form>
  );
}

export function SettingsForm({ locale, values }: { locale: AccountLocale; values: { notifyOnReply: boolean; emailAllowed: boolean; smsAllowed: boolean } }) {
  const t = ACCOUNT_TEXTS[locale].account;
  const [state, run, pending] = useActionState<AccountFormState, FormData>(saveSettingsAction, {});
  return (
    <form action={run} className="space-y-3" data-testid="account-settings">
      <input type="hidden" name="locale" value={locale} />
      <CheckboxField name="notify_on_reply" label={t.notify} hint={t.notifyHint} defaultChecked={values.notifyOnReply} />
      <CheckboxField name="email_allowed" label={t.emailAllowed} defaultChecked={values.emailAllowed} />
      <CheckboxField name="sms_allowed" label={t.smsAllowed} defaultChecked={values.smsAllowed} />
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          {t.save}
        </button>
        {state.ok ? (
          <span role="status" className="text-sm text-green-700">
            {t.saved}
          </span>
        ) : null}
        {state.error ? (
          <span role="alert" className="text-sm text-red-700">
            {state.error}
          </span>
        ) : null}
      </div>
    </form>
  );
}
