// Input of a saved list view: a name and the list's URL filters (only the keys a view may keep).
import { z } from "zod";
import { text } from "@/lib/validation";

export { VIEW_FILTER_KEYS } from "@/lib/inbox/filters";

export const viewSchema = z.object({
  name: text({ max: 60, min: 1 }),
  shared: z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean()),
  filters: z.record(z.string(), z.string().max(200)),
});
export type ViewInput = z.infer<typeof viewSchema>;

export const viewIdSchema = z.object({ id: z.coerce.number().int().positive() });
