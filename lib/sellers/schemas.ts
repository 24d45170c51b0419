// The seller (datasource) form: the fields the conversations API answers for a datasource. One
// schema for the admin form and its server action. Browser-safe.
import { z } from "zod";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)
    .nullable()
    .optional()
    .transform((v) => v ?? null);

const optionalId = z
  .union([z.literal(""), z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)])
  .nullable()
  .optional()
  .transform((v) => (v === "" || v === undefined ? null : v));

export const sellerFormSchema = z.object({
  id: z.coerce.number().int().positive().optional(),
  slug: z
    .string()
    .trim()
    .min(1, "Give the seller a name (letters, digits, - or _).")
    .max(80)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "Lower-case letters, digits, - and _ only."),
  title: z.string().trim().min(1, "Give the seller a title.").max(200),
  externalId: optionalText(80),
  supplierCode: optionalText(80),
  email: z
    .union([z.literal(""), z.string().trim().toLowerCase().email("Enter a valid e-mail address.").max(254)])
    .nullable()
    .optional()
    .transform((v) => v || null),
  phone: optionalText(70),
  faxNumber: optionalText(70),
  mersisNumber: optionalText(40),
  kepAddress: optionalText(254),
  tradeAssociation: optionalText(200),
  address: optionalText(1000),
  priceList: optionalId,
  stockList: optionalId,
  isActive: z.boolean(),
  extras: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return {};
      try {
        const parsed = JSON.parse(v) as unknown;
        if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
      } catch {
        /* reported below */
      }
      ctx.addIssue({ code: "custom", message: 'Extras must be a JSON object, e.g. {"region": "EU"}.' });
      return z.NEVER;
    }),
});
export type SellerForm = z.output<typeof sellerFormSchema>;
