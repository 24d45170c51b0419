// Input of the thread's writes, shared by the composer, the route handlers and the tests.
import { z } from "zod";

export const MAX_BODY_CHARS = 20_000;

export const replySchema = z.object({
  kind: z.enum(["reply", "note"]),
  body: z.string().trim().max(MAX_BODY_CHARS, `At most ${MAX_BODY_CHARS} characters.`).default(""),
  receivers: z.array(z.string().trim().min(1)).max(5).default([]),
  /** Files uploaded ahead through POST /api/threads/{id}/attachments. */
  attachmentIds: z.array(z.coerce.number().int().positive()).max(20).default([]),
  /** The thread's version when the agent opened it; absent: no check. */
  expectedVersion: z.coerce.number().int().positive().optional(),
  /** The snapshot time that version belongs to: changes after it are reported on a conflict. */
  since: z.iso.datetime({ offset: true }).optional(),
  /** Send although the thread changed (after the agent saw what changed). */
  force: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).default(false),
});
export type ReplyRequest = z.infer<typeof replySchema>;

export const threadPatchSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("status"), status: z.enum(["open", "closed"]) }),
  z.object({ action: z.literal("assign"), assigneeId: z.union([z.literal("me"), z.number().int().positive(), z.null()]) }),
  z.object({ action: z.literal("read"), read: z.boolean(), messageIds: z.array(z.number().int().positive()).min(1).max(500).optional() }),
]);
export type ThreadPatch = z.infer<typeof threadPatchSchema>;

export const threadIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
