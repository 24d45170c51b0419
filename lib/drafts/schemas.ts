// Input of a composer draft and of the typing signal.
import { z } from "zod";
import { MAX_BODY_CHARS } from "@/lib/inbox/thread-schemas";
import { text } from "@/lib/validation";

export const draftSchema = z.object({
  kind: z.enum(["reply", "note"]).default("reply"),
  body: text({ max: MAX_BODY_CHARS, multiline: true }).default(""),
  receivers: z.array(z.string().trim().min(1).max(40)).max(5).default([]),
  attachmentIds: z.array(z.coerce.number().int().positive()).max(20).default([]),
});
export type DraftInput = z.infer<typeof draftSchema>;

export const typingSchema = z.object({ typing: z.boolean().default(true), kind: z.enum(["reply", "note"]).default("reply") });
