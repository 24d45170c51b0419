// Contact: the one schema for what a visitor sends, whichever way it comes in (the /contact form,
// the contact-us API as JSON or multipart), and the schemas of the admin pages. Messages are
// error codes; lib/contact/texts.ts words them in the caller's language.
import { z } from "zod";
import { hasForbiddenCharacters, id as plainId, text } from "@/lib/validation";

export type ContactErrorCode =
  | "required"
  | "blank"
  | "not_a_string"
  | "invalid_characters"
  | "too_long"
  | "email_invalid"
  | "integer_invalid"
  | "subject_invalid"
  | "order_required"
  | "order_invalid"
  | "file_invalid"
  | "file_empty"
  | "file_type"
  | "file_too_large"
  | "file_too_many"
  | "sender_blocked";

export const FULL_NAME_MAX = 70;
export const PHONE_MAX = 70;
export const EMAIL_MAX = 254;
export const MESSAGE_MAX = 10_000;
export const ORDER_MAX = 64;
export const OPERATION_MAX = 64;

const absent = (v: unknown) => v === undefined || v === null;

/** A text field: numbers are taken as text (clients send `"phone": 5551234`), null is absent; control characters are refused (the shared rule of lib/validation). */
const textField = (max: number, required: boolean, multiline = false) =>
  z.preprocess(
    (v) => (typeof v === "number" ? String(v) : absent(v) ? undefined : v),
    required
      ? z
          .string({ error: (i) => (i.input === undefined ? "required" : "not_a_string") })
          .trim()
          .min(1, "blank")
          .max(max, "too_long")
          .refine((v) => !hasForbiddenCharacters(v, multiline), "invalid_characters")
      : z
          .string({ error: "not_a_string" })
          .trim()
          .max(max, "too_long")
          .refine((v) => !hasForbiddenCharacters(v, multiline), "invalid_characters")
          .optional()
          .transform((v) => v || undefined),
  );

export const contactSubmissionSchema = z.object({
  // An id; storefronts send it as a number or as a string ("1").
  subject: z.preprocess(
    (v) => (typeof v === "string" && /^\s*\d{1,15}\s*$/.test(v) ? Number(v) : v === "" || absent(v) ? undefined : v),
    z.number({ error: (i) => (i.input === undefined ? "required" : "integer_invalid") }).int("integer_invalid"),
  ),
  full_name: textField(FULL_NAME_MAX, true),
  email: z.preprocess(
    (v) => (absent(v) ? undefined : v),
    z
      .string({ error: (i) => (i.input === undefined ? "required" : "not_a_string") })
      .trim()
      .min(1, "blank")
      .max(EMAIL_MAX, "too_long")
      .pipe(z.email("email_invalid")),
  ),
  phone: textField(PHONE_MAX, false),
  message: textField(MESSAGE_MAX, true, true),
  // An order id or number; leading "#" dropped. Letters allowed: shops number orders their own way.
  order: z.preprocess(
    (v) => (typeof v === "number" ? String(v) : typeof v === "string" ? v.trim().replace(/^#/, "") || undefined : absent(v) ? undefined : v),
    z
      .string({ error: "order_invalid" })
      .max(ORDER_MAX, "too_long")
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "order_invalid")
      .optional(),
  ),
  operation: textField(OPERATION_MAX, false),
});
export type ContactSubmissionInput = z.infer<typeof contactSubmissionSchema>;

/** Max length of each field, for the error text "no more than N characters". */
export const FIELD_MAX: Record<string, number> = {
  full_name: FULL_NAME_MAX,
  phone: PHONE_MAX,
  email: EMAIL_MAX,
  message: MESSAGE_MAX,
  order: ORDER_MAX,
  operation: OPERATION_MAX,
};

// ---------------------------------------------------------------------------------------------
// Admin.

const id = plainId();

/** Translations arrive as `text_<locale>` form fields; at least the default language must be filled. */
export const subjectFormSchema = z.object({
  id: id.optional(),
  isOrderNeeded: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  translations: z.record(z.string().regex(/^[a-z]{2,8}(-[a-z0-9]{1,8})*$/i), text({ max: 200 })),
});

export const subjectMoveSchema = z.object({ id, direction: z.enum(["up", "down"]) });
export const subjectActiveSchema = z.object({ id, active: z.enum(["true", "false"]).transform((v) => v === "true") });

const emailAddress = z.string().trim().pipe(z.email("Enter a valid e-mail address."));

export const routingSchema = z.object({
  default: emailAddress,
  operations: z.record(
    z
      .string()
      .trim()
      .min(1)
      .max(OPERATION_MAX)
      .regex(/^[A-Za-z0-9_.-]+$/, "An operation is letters, digits, _ . or -."),
    emailAddress,
  ),
});
export type ContactRouting = z.infer<typeof routingSchema>;
