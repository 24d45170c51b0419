// The browser's calls to the thread's route handlers. Errors come back as ApiError with the
// server's message, so the UI can say exactly why a change was refused.
import type { ThreadChange, ThreadView } from "@/lib/inbox/views";
import type { ThreadPatchInput } from "@/lib/inbox/thread-schemas";

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

export async function patchThread<T = Record<string, unknown>>(id: number, patch: ThreadPatchInput): Promise<T> {
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
    xhr.onerror = () =>
      reject(
        new ApiError(
          0,
          "network",
          navigator.onLine ? "No connection to the server." : "You are offline. Your text is kept: send it again once you are back online.",
        ),
      );
    // A request that never answers must not leave "Sending…" on screen for ever.
    xhr.timeout = 60_000;
    xhr.ontimeout = () =>
      reject(new ApiError(0, "timeout", "The server did not answer within a minute. Your text is kept: check the thread, then send again if it is not there."));
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

export async function heartbeat(id: number): Promise<{ userId: number; name: string; typing?: boolean }[]> {
  const response = await fetch(`/api/threads/${id}/presence`, { method: "POST" });
  if (!response.ok) return [];
  return ((await response.json()) as { viewers: { userId: number; name: string; typing?: boolean }[] }).viewers;
}

export interface DraftBody {
  kind: "reply" | "note";
  body: string;
  receivers: string[];
  attachmentIds: number[];
}

/** Saves the composer's draft on the server (an empty one deletes it). `keepalive` lets it finish while the page goes. */
export async function saveDraft(id: number, draft: DraftBody, keepalive = false): Promise<void> {
  await fetch(`/api/threads/${id}/draft`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(draft), keepalive });
}

/** "I am writing here" / "I stopped". */
export function signalTyping(id: number, typing: boolean, kind: "reply" | "note") {
  void fetch(`/api/threads/${id}/typing`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ typing, kind }),
    keepalive: !typing,
  }).catch(() => {});
}

export async function deleteThread(id: number): Promise<void> {
  const response = await fetch(`/api/threads/${id}`, { method: "DELETE" });
  if (!response.ok) throw await toApiError(response);
}

export function leave(id: number) {
  void fetch(`/api/threads/${id}/presence`, { method: "DELETE", keepalive: true }).catch(() => {});
}

/** Tells the other side (a chat visitor) that the agent is typing, or stopped. */
export function sendTyping(id: number, typing: boolean) {
  void fetch(`/api/threads/${id}/typing`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ typing }) }).catch(
    () => {},
  );
}
