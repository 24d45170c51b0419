// What the staff pages and the password forms submit (browser-safe: the forms use the same rules).
import { z } from "zod";
import { id, text } from "@/lib/validation";

const email = z.string().trim().toLowerCase().max(254).pipe(z.email("Enter a valid e-mail address."));
const staffRole = z.enum(["admin", "agent"], { error: "Choose agent or administrator." });

export const inviteSchema = z.object({
  email,
  name: text({ max: 120, min: 1 }),
  role: staffRole,
});
export const roleSchema = z.object({ id: id(), role: staffRole });
export const disableSchema = z.object({ id: id(), disabled: z.enum(["true", "false"]).transform((v) => v === "true") });
export const resetSchema = z.object({ id: id() });

/** A new password twice; its rules (length, not the e-mail, not a published one) are the service's. */
const newPassword = z
  .object({ password: z.string().max(200), confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ." });

export const ownPasswordSchema = z.intersection(z.object({ current: z.string().min(1, "Enter your current password.").max(200) }), newPassword);
export const tokenPasswordSchema = z.intersection(z.object({ token: z.string().min(1).max(100) }), newPassword);
