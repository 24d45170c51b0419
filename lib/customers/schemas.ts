// Input of the customer profile.
import { z } from "zod";
import { text } from "@/lib/validation";

export const customerProfileSchema = z.object({
  id: z.coerce.number().int().positive(),
  name: text({ max: 120, min: 1 }),
  notes: text({ max: 5000, multiline: true }).default(""),
});

export const mergeCustomersSchema = z.object({ targetId: z.coerce.number().int().positive(), sourceId: z.coerce.number().int().positive() });
