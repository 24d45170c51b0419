// The type of an upload is decided by its bytes, never by its name. Each channel declares which
// types it takes, how many files and how many bytes in all (its upload policy, in the channel
// catalog); this module checks files against a policy.
import "server-only";
import { fileTypeFromBuffer } from "file-type";
import type { FileKind, UploadPolicy } from "@/lib/channels/catalog";
import { AppError } from "@/lib/errors";
import { contentKey } from "./store";

export type { FileKind, UploadPolicy };

const MIME: Record<FileKind, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  gif: "image/gif",
  bmp: "image/bmp",
  tif: "image/tiff",
  webp: "image/webp",
  pdf: "application/pdf",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const MB = 1024 * 1024;

/** Images a browser may show inline (never SVG: it can carry script). */
export const INLINE_IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp"]);

/** What the bytes are, or null when they are none of the kinds we know. */
export async function detectKind(bytes: Uint8Array, fileName: string): Promise<FileKind | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return null;
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  switch (found.ext) {
    case "png":
    case "gif":
    case "bmp":
    case "webp":
    case "pdf":
    case "docx":
    case "xlsx":
      return found.ext;
    case "jpg":
      return "jpg";
    case "tif":
      return "tif";
    case "cfb":
      // Legacy Office files share one container format; the name says which of the two it is.
      return ext === "xls" ? "xls" : ext === "doc" ? "doc" : null;
    default:
      return null;
  }
}

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export interface CheckedFile {
  name: string;
  bytes: Uint8Array;
  kind: FileKind;
  contentType: string;
  size: number;
  key: string;
}

/** The extensions each kind goes by; the first is the one a name gets when its own says something else. */
const EXTENSIONS: Record<FileKind, readonly string[]> = {
  png: ["png"],
  jpg: ["jpg", "jpeg", "jpe"],
  gif: ["gif"],
  bmp: ["bmp"],
  tif: ["tif", "tiff"],
  webp: ["webp"],
  pdf: ["pdf"],
  doc: ["doc"],
  xls: ["xls"],
  docx: ["docx"],
  xlsx: ["xlsx"],
};

/**
 * A file name safe to store and show: no path, no control characters, no bidi overrides or
 * zero-width characters (`inv\u202egnp.exe` shows as "invexe.png"), no leading dots, not too long.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g, "")
    .replace(/^[.\s]+/, "")
    .trim()
    .slice(0, 200);
  return cleaned || "file";
}

/** The name with the extension of what the bytes are: kept when it already says so, added when it does not. */
export function nameForKind(name: string, kind: FileKind): string {
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1]?.toLowerCase();
  if (ext && EXTENSIONS[kind].includes(ext)) return name;
  return `${name.slice(0, 190)}.${EXTENSIONS[kind][0]}`;
}

/**
 * Checks files against a channel's policy; throws an AppError naming the `field` when one is refused.
 * Nothing is stored here.
 */
export async function checkUploads(policy: UploadPolicy, files: IncomingFile[], field = "file"): Promise<CheckedFile[]> {
  if (files.length > policy.maxFiles) {
    throw new AppError("invalid", `At most ${policy.maxFiles} file${policy.maxFiles === 1 ? "" : "s"} may be attached.`, {
      [field]: [`At most ${policy.maxFiles} file${policy.maxFiles === 1 ? "" : "s"} may be attached.`],
    });
  }
  const total = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  if (total > policy.maxTotalBytes) {
    const msg = `Attachments may not exceed ${Math.round(policy.maxTotalBytes / MB)} MB in all.`;
    throw new AppError("too_large", msg, { [field]: [msg] });
  }
  const out: CheckedFile[] = [];
  for (const file of files) {
    const name = cleanFileName(file.name);
    if (file.bytes.byteLength === 0) throw new AppError("invalid", `${name} is empty.`, { [field]: [`${name} is empty.`] });
    if (policy.maxFileBytes && file.bytes.byteLength > policy.maxFileBytes) {
      const msg = `${name} is larger than ${Math.round(policy.maxFileBytes / MB)} MB.`;
      throw new AppError("too_large", msg, { [field]: [msg] });
    }
    const kind = await detectKind(file.bytes, name);
    if (!kind || !policy.kinds.includes(kind)) {
      const msg = `${name} is not an accepted file type (${policy.kinds.map((k) => k.toUpperCase()).join(", ")}).`;
      throw new AppError("unsupported_type", msg, { [field]: [msg] });
    }
    out.push({ name: nameForKind(name, kind), bytes: file.bytes, kind, contentType: MIME[kind], size: file.bytes.byteLength, key: contentKey(file.bytes) });
  }
  return out;
}

/** `Content-Disposition` with an ASCII fallback and the RFC 6266 / 5987 UTF-8 name. */
export function contentDisposition(fileName: string, type: "attachment" | "inline" = "attachment"): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
