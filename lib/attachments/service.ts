// Storing attachments: bytes into the file store (by content), rows into the database.
import "server-only";
import type { Db } from "@/db/client";
import { attachments, type Attachment } from "@/db/schema";
import type { CheckedFile } from "@/lib/storage/file-types";
import type { FileStore } from "@/lib/storage/store";

/**
 * Puts the bytes in the store, then inserts the rows in `tx`. Bytes are stored first and keyed by
 * content: a rolled-back transaction leaves at most an unreferenced blob, never a row without bytes.
 */
export async function createAttachments(
  tx: Db,
  store: FileStore,
  input: { threadId: number; messageId: number | null; uploadedBy?: number | null; files: CheckedFile[] },
): Promise<Attachment[]> {
  if (input.files.length === 0) return [];
  for (const file of input.files) await store.put(file.key, file.bytes, file.contentType);
  return tx
    .insert(attachments)
    .values(
      input.files.map((file) => ({
        threadId: input.threadId,
        messageId: input.messageId,
        storageKey: file.key,
        fileName: file.name,
        contentType: file.contentType,
        size: file.size,
        uploadedBy: input.uploadedBy ?? null,
      })),
    )
    .returning();
}
