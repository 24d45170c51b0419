// Input of the saved-reply editor.
import { z } from "zod";
import { text } from "@/lib/validation";

export const savedReplySchema = z.object({
  id: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().positive().optional()),
  title: text({ max: 120, min: 1 }),
  /** team: shared by everyone, edited by admins; mine: the agent's own. */
  scope: z.enum(["team", "mine"]).default("mine"),
  /** locale → body; empty bodies are dropped, one is required. */
  bodies: z.record(z.string().regex(/^[a-z]{2,8}(-[a-z0-9]{1,8})?$/), text({ max: 10_000, multiline: true })),
});
export type SavedReplyInput = z.infer<typeof savedReplySchema>;

export const savedReplyIdSchema = z.object({ id: z.coerce.number().int().positive() });
