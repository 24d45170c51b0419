"use server";
// The customer account pages' server actions (/account/signup, /account/login, forgotten and reset
// passwords, settings, sign-out). They work without JavaScript (plain form posts); refusals come
// back worded in the page's language. Sign-in goes through next-auth (a "web" session), throttled
// and timed like the staff sign-in.
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { signIn, signOut } from "@/lib/auth";
import { isAppError, type ErrorCode } from "@/lib/errors";
import { formObject } from "@/lib/http/action";
import { publicOrigin } from "@/lib/http/url";
import { requirePortalCustomer } from "@/lib/portal/session";
import { safeNext } from "@/lib/portal/locale";
import { clientIp } from "@/lib/throttle";
import { drfErrors, fieldErrorText, fieldLocale } from "@/lib/validation/drf";
import { forgotPasswordSchema, resetPasswordSchema, settingsSchema, signUpSchema } from "./schemas";
import { registerCustomer, requestPasswordReset, resetPassword, updateCustomerSettings } from "./service";
import { ACCOUNT_ERRORS, ACCOUNT_TEXTS } from "./texts";

export interface AccountFormState {
  ok?: boolean;
  /** A refusal's kind (unauthenticated, forbidden, rate_limited, …), as runAction's results carry it. */
  code?: ErrorCode;
  error?: string;
  fields?: Record<string, string[]>;
  /** What was typed (never passwords), so a refused form keeps it. */
  values?: Record<string, string>;
}

const localeOf = (formData: FormData) => fieldLocale(String(formData.get("locale") ?? ""));

function kept(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !/password|token|^\$ACTION/i.test(k)) out[k] = v;
  return out;
}

async function caller() {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get("user-agent"), origin: publicOrigin(new Request(`http://${h.get("host") ?? "localhost"}/`, { headers: h })) };
}

/** A service refusal, worded. */
function refused(error: unknown, locale: "en" | "tr", values?: Record<string, string>): AccountFormState {
  if (!isAppError(error)) throw error;
  const fields: Record<string, string[]> = {};
  for (const [field, codes] of Object.entries(error.fields ?? {})) {
    if (field !== "non_field_errors") fields[field] = codes.map((c) => fieldErrorText(locale, c, ACCOUNT_ERRORS));
  }
  return { ok: false, code: error.code, error: fieldErrorText(locale, error.message, ACCOUNT_ERRORS), fields, values };
}

async function nextAuthSignIn(email: string, password: string, next: string, locale: "en" | "tr"): Promise<AccountFormState> {
  try {
    await signIn("credentials", { email, password, redirectTo: next });
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError) {
      const t = ACCOUNT_TEXTS[locale].signIn;
      return { error: (error as AuthError & { code?: string }).code === "rate_limited" ? t.throttled : t.wrong, values: { email } };
    }
    throw error; // the redirect after a successful sign-in
  }
}

export async function customerSignInAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const locale = localeOf(formData);
  return nextAuthSignIn(String(formData.get("email") ?? ""), String(formData.get("password") ?? ""), safeNext(formData.get("next")), locale);
}

export async function signUpAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const locale = localeOf(formData);
  const values = kept(formData);
  const raw = formObject(formData);
  for (const box of ["email_allowed", "sms_allowed", "notify_on_reply"]) raw[box] = formData.get(box) === "on";
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { error: ACCOUNT_TEXTS[locale].fixErrors, fields: drfErrors(parsed.error.issues, locale, ACCOUNT_ERRORS), values };
  const who = await caller();
  try {
    await registerCustomer(await getDb(), { ...parsed.data, locale }, who);
  } catch (error) {
    return refused(error, locale, values);
  }
  return nextAuthSignIn(parsed.data.email, parsed.data.password, safeNext(formData.get("next")), locale);
}

export async function customerSignOutAction(): Promise<void> {
  await signOut({ redirectTo: "/account/login" });
}

export async function forgotPasswordAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const locale = localeOf(formData);
  const parsed = forgotPasswordSchema.safeParse(formObject(formData));
  if (!parsed.success) return { fields: drfErrors(parsed.error.issues, locale, ACCOUNT_ERRORS), values: kept(formData) };
  const who = await caller();
  try {
    // The mail goes out after the answer: the same answer, as fast, for an address without an account.
    await requestPasswordReset(await getDb(), { email: parsed.data.email, origin: who.origin, locale }, who);
  } catch (error) {
    return refused(error, locale, kept(formData));
  }
  return { ok: true };
}

export async function resetPasswordAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const locale = localeOf(formData);
  const parsed = resetPasswordSchema.safeParse(formObject(formData));
  if (!parsed.success) return { fields: drfErrors(parsed.error.issues, locale, ACCOUNT_ERRORS) };
  try {
    await resetPassword(await getDb(), { token: parsed.data.token, password: parsed.data.password });
  } catch (error) {
    return refused(error, locale);
  }
  return { ok: true };
}

export async function saveSettingsAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const locale = localeOf(formData);
  let me;
  try {
    me = await requirePortalCustomer("account.view");
  } catch (error) {
    return refused(error, locale);
  }
  const parsed = settingsSchema.parse({
    notify_on_reply: formData.get("notify_on_reply") === "on",
    email_allowed: formData.get("email_allowed") === "on",
    sms_allowed: formData.get("sms_allowed") === "on",
  });
  await updateCustomerSettings(await getDb(), {
    customerId: me.customer.id,
    notifyOnReply: parsed.notify_on_reply,
    emailAllowed: parsed.email_allowed,
    smsAllowed: parsed.sms_allowed,
  });
  return { ok: true };
}
