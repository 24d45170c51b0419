// What an admin may submit on /admin/titles (the SOAP service's conversation titles). Browser-safe.
import { z } from "zod";

export const saveTitleSchema = z.object({
  id: z.coerce.number().int().positive().optional(),
  code: z
    .string()
    .trim()
    .min(1, "Give the title a code.")
    .max(60)
    .regex(/^[a-z0-9_.-]+$/, "Use lowercase letters, digits, _ . and - in the code."),
  position: z.coerce.number().int().min(0).max(10_000).default(0),
  isActive: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  /** text_<locale> fields, gathered by the action. */
  texts: z.record(z.string(), z.string().trim().max(200)),
});
export type SaveTitleInput = z.infer<typeof saveTitleSchema>;
