// Input of the thread's writes, shared by the composer, the route handlers and the tests.
import { z } from "zod";
import type { IncomingFile } from "@/lib/storage/file-types";
import { id, isoDate, isSaneDate, text } from "@/lib/validation";

export const MAX_BODY_CHARS = 20_000;

export const replySchema = z.object({
  kind: z.enum(["reply", "note"]),
  body: text({ max: MAX_BODY_CHARS, multiline: true }).default(""),
  receivers: z
    .array(text({ max: 100, min: 1 }))
    .max(5)
    .default([]),
  /** Files uploaded ahead through POST /api/threads/{id}/attachments. */
  attachmentIds: z.array(id()).max(20).default([]),
  /** The thread's version when the agent opened it; absent: no check. */
  expectedVersion: id().optional(),
  /** The snapshot time that version belongs to: changes after it are reported on a conflict. */
  since: z.iso
    .datetime({ offset: true })
    .refine((v) => isSaneDate(new Date(v)), "must be a date between 1900 and 2200")
    .optional(),
  /** Send although the thread changed (after the agent saw what changed). */
  force: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).default(false),
});
export type ReplyRequest = z.infer<typeof replySchema>;

const tagIdList = z.array(z.number().int().positive()).max(50).default([]);

export const threadPatchSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("status"), status: z.enum(["open", "closed"]) }),
  z.object({ action: z.literal("assign"), assigneeId: z.union([z.literal("me"), z.number().int().positive(), z.null()]) }),
  z.object({ action: z.literal("read"), read: z.boolean(), messageIds: z.array(z.number().int().positive()).min(1).max(500).optional() }),
  z.object({ action: z.literal("tags"), add: tagIdList, remove: tagIdList }),
  /** until: a time; null: until the customer writes again. */
  z.object({ action: z.literal("snooze"), until: isoDate().nullable() }),
  z.object({ action: z.literal("unsnooze") }),
  z.object({ action: z.literal("spam"), spam: z.boolean() }),
  z.object({ action: z.literal("merge"), intoId: z.number().int().positive() }),
]);
export type ThreadPatch = z.infer<typeof threadPatchSchema>;
/** What a client sends (dates as ISO strings). */
export type ThreadPatchInput = z.input<typeof threadPatchSchema>;

/** A thread id as the URL writes it: plain digits (not "0x10", not "1e3", not " 7"). */
export const threadIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,15}$/)
  .transform(Number)
  .pipe(z.number().int().max(Number.MAX_SAFE_INTEGER));

/** The files of a multipart field. */
export async function filesOf(form: FormData, field: string): Promise<IncomingFile[]> {
  const files: IncomingFile[] = [];
  for (const entry of form.getAll(field)) {
    if (typeof entry !== "string") files.push({ name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  return files;
}
