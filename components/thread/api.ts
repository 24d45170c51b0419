// The browser's calls to the thread's route handlers. Errors come back as ApiError with the
// server's message, so the UI can say exactly why a change was refused.
import type { ThreadChange, ThreadView } from "@/lib/messages/queries";
import type { ThreadPatch } from "@/lib/messages/schemas";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
  get changes(): ThreadChange[] {
    return (this.body.changes as ThreadChange[] | undefined) ?? [];
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const fields = body.fields as Record<string, string[]> | undefined;
  const first = fields ? Object.values(fields)[0]?.[0] : undefined;
  return new ApiError(response.status, String(body.code ?? "error"), String(first ?? body.error ?? `The server answered ${response.status}.`), body);
}

export async function fetchThread(id: number): Promise<ThreadView> {
  const response = await fetch(`/api/threads/${id}`, { cache: "no-store" });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as ThreadView;
}

export async function patchThread<T = Record<string, unknown>>(id: number, patch: ThreadPatch): Promise<T> {
  const response = await fetch(`/api/threads/${id}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(patch),
  });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

export interface UploadedFile {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
}

export interface SendInput {
  kind: "reply" | "note";
  body: string;
  receivers: string[];
  /** Uploaded ahead with uploadFile. */
  attachments: UploadedFile[];
  expectedVersion?: number;
  since?: string;
  force?: boolean;
}
export interface SendResult {
  messageId: number;
  attachmentIds: number[];
  version: number;
  at: string;
}

/** Multipart POST with upload progress (XMLHttpRequest: fetch cannot report it); errors as ApiError. */
function postForm<T>(url: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as Record<string, unknown>;
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const fields = body.fields as Record<string, string[]> | undefined;
      const first = fields ? Object.values(fields)[0]?.[0] : undefined;
      reject(new ApiError(xhr.status, String(body.code ?? "error"), String(first ?? body.error ?? `The server answered ${xhr.status}.`), body));
    };
    xhr.onerror = () => reject(new ApiError(0, "network", "No connection to the server."));
    xhr.send(form);
  });
}

/** One file, uploaded as soon as it is attached, so its progress shows in the composer. */
export async function uploadFile(id: number, file: File, onProgress: (fraction: number) => void): Promise<UploadedFile> {
  const form = new FormData();
  form.append("files", file, file.name);
  const result = await postForm<{ attachments: UploadedFile[] }>(`/api/threads/${id}/attachments`, form, onProgress);
  return result.attachments[0]!;
}

export function sendMessage(id: number, input: SendInput, onProgress?: (fraction: number) => void): Promise<SendResult> {
  const form = new FormData();
  form.set("kind", input.kind);
  form.set("body", input.body);
  for (const r of input.receivers) form.append("receivers", r);
  for (const a of input.attachments) form.append("attachmentIds", String(a.id));
  if (input.expectedVersion) form.set("expectedVersion", String(input.expectedVersion));
  if (input.since) form.set("since", input.since);
  if (input.force) form.set("force", "true");
  return postForm<SendResult>(`/api/threads/${id}/messages`, form, onProgress);
}

export async function heartbeat(id: number): Promise<{ userId: number; name: string }[]> {
  const response = await fetch(`/api/threads/${id}/presence`, { method: "POST" });
  if (!response.ok) return [];
  return ((await response.json()) as { viewers: { userId: number; name: string }[] }).viewers;
}

export function leave(id: number) {
  void fetch(`/api/threads/${id}/presence`, { method: "DELETE", keepalive: true }).catch(() => {});
}
