// Customer accounts from outside: sign-up, sign-in, forgotten and reset passwords, settings. One
// schema each for the portal's forms and the storefront API (snake_case, as the storefronts send
// it; unknown keys are dropped). Messages are codes, worded per language by lib/accounts/texts.ts.
// Browser-safe.
import { z } from "zod";
import { drfBoolean, drfDate, drfEmail, drfString } from "@/lib/validation/drf";

export const PASSWORD_MIN = 8;

const password = drfString({ required: true, max: 200, min: PASSWORD_MIN, allowBlank: false });

/** A storefront sends `password`; Django's registration forms `password1` and `password2`. */
function normalizePasswords(body: unknown): unknown {
  if (!body || typeof body !== "object") return body;
  const b = { ...(body as Record<string, unknown>) };
  if (b.password === undefined && b.password1 !== undefined) b.password = b.password1;
  if (b.password2 === undefined && b.password_confirm !== undefined) b.password2 = b.password_confirm;
  return b;
}

export const signUpSchema = z.preprocess(
  normalizePasswords,
  z
    .object({
      email: drfEmail({ required: true }),
      password,
      password2: z.unknown().optional(),
      first_name: drfString({ max: 70 }),
      last_name: drfString({ max: 70 }),
      phone: drfString({ max: 30 }),
      email_allowed: drfBoolean(),
      sms_allowed: drfBoolean(),
      date_of_birth: drfDate(),
      gender: drfString({ max: 20 }),
      notify_on_reply: drfBoolean({ default: true }),
    })
    .superRefine((v, ctx) => {
      if (v.password2 !== undefined && v.password2 !== "" && v.password2 !== v.password) {
        ctx.addIssue({ code: "custom", path: ["password2"], message: "password_mismatch" });
      }
    }),
);
export type SignUpInput = z.output<typeof signUpSchema>;

export const signInSchema = z.object({
  email: drfEmail({ required: true }),
  password: drfString({ required: true, max: 200 }),
});

export const forgotPasswordSchema = z.object({ email: drfEmail({ required: true }) });

export const resetPasswordSchema = z.preprocess(
  normalizePasswords,
  z.object({ token: drfString({ required: true, max: 200 }), password, password2: z.unknown().optional() }).superRefine((v, ctx) => {
    if (v.password2 !== undefined && v.password2 !== v.password) ctx.addIssue({ code: "custom", path: ["password2"], message: "password_mismatch" });
  }),
);

export const settingsSchema = z.object({
  notify_on_reply: drfBoolean(),
  email_allowed: drfBoolean(),
  sms_allowed: drfBoolean(),
});
