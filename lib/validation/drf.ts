// Fields as Django REST framework validates them, for the storefront-facing APIs (sessions,
// registration, conversations) and the portal forms that share their schemas. A refusal's zod
// message is a code ("required", "too_long:70", …), not a sentence: each surface words it in the
// caller's language with `fieldErrorText` (DRF's own English, and Turkish). Browser-safe.
import { z } from "zod";
import { hasForbiddenCharacters } from "./index";

type Ctx = z.RefinementCtx;

function fail(ctx: Ctx, code: string, param?: string | number): never {
  ctx.addIssue({ code: "custom", message: param === undefined ? code : `${code}:${param}` });
  return z.NEVER as never;
}

interface Presence {
  /** Missing is refused ("This field is required."); otherwise missing is undefined. */
  required?: boolean;
}

/** A missing or null value: refused when required, else undefined. */
function absent(value: unknown, ctx: Ctx, options: Presence): value is undefined | null {
  if (value === undefined) {
    if (options.required) fail(ctx, "required");
    return true;
  }
  if (value === null) {
    if (options.required) fail(ctx, "null");
    return true;
  }
  return false;
}

export interface StringField extends Presence {
  max: number;
  min?: number;
  multiline?: boolean;
  /** "" is a value (else: "may not be blank" when required, undefined when optional). */
  allowBlank?: boolean;
}

/** A CharField: trimmed, at most `max` characters, no control characters. */
export function drfString<R extends boolean = false>(options: StringField & { required?: R }) {
  return z
    .unknown()
    .optional()
    .transform((value, ctx): R extends true ? string : string | undefined => {
      if (absent(value, ctx, options)) return undefined as never;
      if (typeof value !== "string" && typeof value !== "number") return fail(ctx, "not_a_string");
      const s = String(value).trim();
      if (!s && !options.allowBlank) return options.required ? fail(ctx, "blank") : (undefined as never);
      if (s.length > options.max) return fail(ctx, "too_long", options.max);
      if (options.min && s.length < options.min) return fail(ctx, "too_short", options.min);
      if (hasForbiddenCharacters(s, options.multiline)) return fail(ctx, "invalid_chars");
      return s as never;
    });
}

/** An EmailField, lower-cased. */
export function drfEmail<R extends boolean = false>(options: Presence & { required?: R } = {}) {
  const email = z.string().email();
  return z
    .unknown()
    .optional()
    .transform((value, ctx): R extends true ? string : string | undefined => {
      if (absent(value, ctx, options)) return undefined as never;
      if (typeof value !== "string") return fail(ctx, "not_a_string");
      const s = value.trim().toLowerCase();
      if (!s) return options.required ? fail(ctx, "blank") : (undefined as never);
      if (s.length > 254 || !email.safeParse(s).success) return fail(ctx, "email_invalid");
      return s as never;
    });
}

/** An IntegerField: a number or a string of digits, positive, a safe integer. */
export function drfId<R extends boolean = false>(options: Presence & { required?: R } = {}) {
  return z
    .unknown()
    .optional()
    .transform((value, ctx): R extends true ? number : number | undefined => {
      if (absent(value, ctx, options)) return undefined as never;
      if (value === "") return options.required ? fail(ctx, "integer_invalid") : (undefined as never);
      const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : NaN;
      if (!Number.isSafeInteger(n) || n <= 0) return fail(ctx, "integer_invalid");
      return n as never;
    });
}

const TRUE = new Set([true, 1, "1", "true", "True", "TRUE", "on", "yes", "y"]);
const FALSE = new Set([false, 0, "0", "false", "False", "FALSE", "off", "no", "n", ""]);

/** A BooleanField: JSON booleans and the strings forms and proxies send. */
export function drfBoolean(options: Presence & { default?: boolean } = {}) {
  return z
    .unknown()
    .optional()
    .transform((value, ctx): boolean => {
      if (absent(value, ctx, options)) return options.default ?? false;
      if (TRUE.has(value as never)) return true;
      if (FALSE.has(value as never)) return false;
      return fail(ctx, "boolean_invalid");
    });
}

/** A ChoiceField. */
export function drfChoice<const T extends readonly string[], R extends boolean = false>(choices: T, options: Presence & { required?: R } = {}) {
  return z
    .unknown()
    .optional()
    .transform((value, ctx): R extends true ? T[number] : T[number] | undefined => {
      if (absent(value, ctx, options)) return undefined as never;
      if (value === "" && !options.required) return undefined as never;
      if (typeof value !== "string" || !choices.includes(value)) return fail(ctx, "invalid_choice", String(value).slice(0, 50));
      return value as never;
    });
}

/** A DateField (YYYY-MM-DD) between 1900 and today. */
export function drfDate(options: Presence = {}) {
  return z
    .unknown()
    .optional()
    .transform((value, ctx): string | undefined => {
      if (absent(value, ctx, options) || value === "") return undefined;
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return fail(ctx, "date_invalid");
      const d = new Date(`${value}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value || d.getUTCFullYear() < 1900 || d > new Date()) return fail(ctx, "date_invalid");
      return value;
    });
}

export type FieldLocale = "en" | "tr";
export const fieldLocale = (locale: string | null | undefined): FieldLocale => (locale?.toLowerCase().startsWith("tr") ? "tr" : "en");

type Texts = Record<string, (param: string) => string>;

const DRF: Record<FieldLocale, Texts> = {
  en: {
    required: () => "This field is required.",
    null: () => "This field may not be null.",
    blank: () => "This field may not be blank.",
    not_a_string: () => "Not a valid string.",
    too_long: (n) => `Ensure this field has no more than ${n} characters.`,
    too_short: (n) => `Ensure this field has at least ${n} characters.`,
    invalid_chars: () => "This field contains characters that are not allowed.",
    email_invalid: () => "Enter a valid email address.",
    integer_invalid: () => "A valid integer is required.",
    boolean_invalid: () => "Must be a valid boolean.",
    invalid_choice: (v) => `"${v}" is not a valid choice.`,
    date_invalid: () => "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
    does_not_exist: (v) => `Invalid pk "${v}" - object does not exist.`,
  },
  tr: {
    required: () => "Bu alan zorunludur.",
    null: () => "Bu alan boş olamaz.",
    blank: () => "Bu alan boş bırakılamaz.",
    not_a_string: () => "Geçerli bir metin değil.",
    too_long: (n) => `Bu alanın ${n} karakterden fazla olmadığından emin olun.`,
    too_short: (n) => `Bu alanın en az ${n} karakter olduğundan emin olun.`,
    invalid_chars: () => "Bu alan izin verilmeyen karakterler içeriyor.",
    email_invalid: () => "Geçerli bir e-posta adresi girin.",
    integer_invalid: () => "Geçerli bir tam sayı girin.",
    boolean_invalid: () => "Geçerli bir mantıksal değer olmalı.",
    invalid_choice: (v) => `"${v}" geçerli bir seçim değil.`,
    date_invalid: () => "Tarih biçimi hatalı. Bunun yerine şu biçimi kullanın: YYYY-AA-GG.",
    does_not_exist: (v) => `Geçersiz pk "${v}" - obje mevcut değil.`,
  },
};

/**
 * A field error's words: `message` is a code with an optional parameter ("too_long:70"); the
 * domain's own texts are asked first, then DRF's. Anything else is shown as it is.
 */
export function fieldErrorText(locale: string | null | undefined, message: string, domain?: Record<FieldLocale, Texts>): string {
  const l = fieldLocale(locale);
  const at = message.indexOf(":");
  const code = at < 0 ? message : message.slice(0, at);
  const param = at < 0 ? "" : message.slice(at + 1);
  const text = domain?.[l]?.[code] ?? DRF[l][code];
  return text ? text(param) : message;
}

/** Zod issues as DRF field errors in the caller's language: `{"field": ["…"]}` (the whole body: non_field_errors). */
export function drfErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  locale: string | null | undefined,
  domain?: Record<FieldLocale, Texts>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.length ? String(issue.path[0]) : "non_field_errors";
    (out[key] ??= []).push(fieldErrorText(locale, issue.message, domain));
  }
  return out;
}
