// Input of the tag admin and of tagging a thread.
import { z } from "zod";
import { text } from "@/lib/validation";
import { TAG_COLOR_NAMES } from "./palette";

export const tagSchema = z.object({
  id: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().positive().optional()),
  name: text({ max: 40, min: 1 }).refine((v) => !/[\s:"]/.test(v), "A tag is one word (letters, digits, - or _), so the search box's tag: can name it."),
  color: z.enum(TAG_COLOR_NAMES as [string, ...string[]]).default("slate"),
});
export type TagInput = z.infer<typeof tagSchema>;

export const tagIdSchema = z.object({ id: z.coerce.number().int().positive() });

const ids = z.array(z.coerce.number().int().positive()).max(50);
export const threadTagsSchema = z.object({ add: ids.default([]), remove: ids.default([]) });
