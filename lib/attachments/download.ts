// A stored file as an HTTP answer, the same for every surface that serves one (the inbox, the
// portal, the chat widget): a download unless it is an image asked for inline, never sniffed,
// never run as a page.
import "server-only";
import { AppError } from "@/lib/errors";
import { contentDisposition, INLINE_IMAGE_TYPES } from "@/lib/storage/file-types";
import { getStore } from "@/lib/storage/store";

export async function attachmentResponse(
  file: { storageKey: string; fileName: string; contentType: string },
  options: { inline: boolean; missing?: string; headers?: Record<string, string> },
): Promise<Response> {
  const bytes = await getStore().get(file.storageKey);
  if (!bytes) throw new AppError("not_found", options.missing ?? "The attachment's file is missing from storage.");
  const inline = options.inline && INLINE_IMAGE_TYPES.has(file.contentType);
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(file.fileName, inline ? "inline" : "attachment"),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "Cache-Control": "private, max-age=3600",
      ...options.headers,
    },
  });
}
