"use client";
// The reply / internal-note composer: Reply and Note tabs, receivers where the channel needs them,
// files by drag and drop or picker (the channel's limits shown, and enforced again by the server),
// upload progress, and the "this thread changed" warning before a reply goes out.
import { useRef, useState, type RefObject } from "react";
import type { ThreadChange, ThreadView } from "@/lib/messages/queries";
import { ApiError, uploadFile, type SendInput, type SendResult, type UploadedFile } from "./api";
import { LocalTime } from "@/components/ui/local-time";
import { formatSize, PaperclipIcon } from "./message-item";

export type ComposerMode = "reply" | "note";

export interface Baseline {
  version: number;
  since: string;
}

const EXTENSIONS: Record<string, string[]> = { jpg: ["jpg", "jpeg"], tif: ["tif", "tiff"] };

/** A file in the composer: uploading (progress 0..1) until the server returns its attachment. */
interface FileItem {
  key: number;
  name: string;
  size: number;
  progress: number;
  uploaded?: UploadedFile;
}
let nextKey = 1;

function changeText(c: ThreadChange) {
  switch (c.kind) {
    case "message":
      return `${c.who ?? "Someone"} wrote: “${c.text}”`;
    case "note":
      return `${c.who ?? "Someone"} added a note: “${c.text}”`;
    case "closed":
      return `${c.who ?? "Someone"} closed the thread`;
    case "reopened":
      return `${c.who ?? "Someone"} reopened the thread`;
    case "assigned":
      return `${c.who ?? "Someone"} assigned it to ${c.text}`;
  }
}

export function Composer({
  view,
  mode,
  setMode,
  textareaRef,
  baseline,
  setBaseline,
  send,
  sending,
}: {
  view: ThreadView;
  mode: ComposerMode;
  setMode: (mode: ComposerMode) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  baseline: Baseline;
  setBaseline: (b: Baseline) => void;
  send: (input: SendInput) => Promise<SendResult>;
  sending: boolean;
}) {
  const options = view.replyOptions;
  const policy = view.uploadPolicy;
  const canReply = options.kinds.includes("reply");
  const effectiveMode: ComposerMode = canReply ? mode : "note";
  const [body, setBody] = useState("");
  const [receivers, setReceivers] = useState<string[]>(() => (options.receivers[0] ? [options.receivers[0].value] : []));
  const [files, setFiles] = useState<FileItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ changes: ThreadChange[]; version: number; at: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const busy = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const accepted = policy.kinds.flatMap((k) => EXTENSIONS[k] ?? [k]);
  const addFiles = (incoming: File[]) => {
    setError(null);
    const next: { size: number }[] = [...files, ...incoming];
    const bad = incoming.find((f) => !accepted.includes(f.name.toLowerCase().split(".").pop() ?? ""));
    if (bad) return setError(`${bad.name} is not an accepted file type (${policy.kinds.map((k) => k.toUpperCase()).join(", ")}).`);
    if (next.length > policy.maxFiles) return setError(`At most ${policy.maxFiles} file${policy.maxFiles === 1 ? "" : "s"} may be attached here.`);
    if (next.reduce((s, f) => s + f.size, 0) > policy.maxTotalBytes) return setError(`Attachments may not exceed ${formatSize(policy.maxTotalBytes)} in all.`);
    // Each file uploads at once, with its own progress; the server checks its bytes.
    for (const file of incoming) {
      const key = nextKey++;
      setFiles((list) => [...list, { key, name: file.name, size: file.size, progress: 0 }]);
      uploadFile(view.thread.id, file, (progress) => setFiles((list) => list.map((f) => (f.key === key ? { ...f, progress } : f))))
        .then((uploaded) => setFiles((list) => list.map((f) => (f.key === key ? { ...f, progress: 1, uploaded } : f))))
        .catch((e: unknown) => {
          setFiles((list) => list.filter((f) => f.key !== key));
          setError(e instanceof Error ? e.message : `${file.name} could not be uploaded.`);
        });
    }
  };
  const uploading = files.some((f) => !f.uploaded);

  const submit = async (force = false) => {
    if (busy.current || sending || uploading) return; // no double submit, no half-uploaded files
    if (!body.trim() && files.length === 0) return setError("Write a message or attach a file.");
    busy.current = true;
    setError(null);
    try {
      const result = await send({
        kind: effectiveMode,
        body: body.trim(),
        receivers: effectiveMode === "reply" ? receivers : [],
        attachments: files.flatMap((f) => (f.uploaded ? [f.uploaded] : [])),
        expectedVersion: baseline.version,
        since: baseline.since,
        force,
      });
      setBody("");
      setFiles([]);
      setConflict(null);
      setBaseline({ version: result.version, since: result.at });
    } catch (e) {
      if (e instanceof ApiError && e.code === "conflict") {
        setConflict({ changes: e.changes, version: Number(e.body.version), at: String(e.body.at) });
      } else {
        setError(e instanceof Error ? e.message : "The message could not be sent.");
      }
    } finally {
      busy.current = false;
    }
  };

  const tab = (value: ComposerMode, label: string, disabled = false) => (
    <button
      type="button"
      role="tab"
      aria-selected={effectiveMode === value}
      disabled={disabled}
      title={disabled ? options.replyUnavailable : undefined}
      onClick={() => {
        setMode(value);
        textareaRef.current?.focus();
      }}
      className={`rounded-md px-3 py-1 text-sm font-medium transition ${
        effectiveMode === value ? (value === "note" ? "bg-amber-100 text-amber-900" : "bg-white text-slate-900 shadow-xs ring-1 ring-slate-200") : "text-slate-500 hover:text-slate-800"
      } disabled:cursor-not-allowed disabled:opacity-40`}
    >
      {label}
    </button>
  );

  return (
    <form
      data-testid="composer"
      data-mode={effectiveMode}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        addFiles([...e.dataTransfer.files]);
      }}
      className={`border-t border-slate-200 bg-white px-5 pt-3 pb-4 ${dragging ? "bg-brand-50/60" : ""}`}
    >
      <div className="mb-2 flex items-center gap-3">
        <div role="tablist" aria-label="Message kind" className="flex gap-1 rounded-lg bg-slate-100 p-0.5">
          {tab("reply", "Reply", !canReply)}
          {tab("note", "Note")}
        </div>
        {effectiveMode === "reply" && options.receivers.length ? (
          <fieldset className="flex items-center gap-3 text-xs text-slate-600" data-testid="receivers">
            <legend className="sr-only">Receivers</legend>
            <span>To:</span>
            {options.receivers.map((r) => (
              <label key={r.value} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={receivers.includes(r.value)}
                  onChange={(e) => setReceivers((list) => (e.target.checked ? [...list, r.value] : list.filter((v) => v !== r.value)))}
                />
                {r.label}
              </label>
            ))}
          </fieldset>
        ) : null}
        <span className="ml-auto text-xs text-slate-400">
          {effectiveMode === "note" ? "Only your team sees notes." : options.delivery}
          {!canReply && options.replyUnavailable ? ` ${options.replyUnavailable}` : ""}
        </span>
      </div>

      {conflict ? (
        <div role="alert" data-testid="conflict" className="mb-2 rounded-lg bg-orange-50 p-3 text-sm ring-1 ring-orange-200">
          <p className="font-medium text-orange-900">This thread changed since you opened it:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-orange-900/90">
            {conflict.changes.map((c, i) => (
              <li key={i}>
                {changeText(c)} <span className="text-xs text-orange-700/70">(<LocalTime iso={c.at} />)</span>
              </li>
            ))}
          </ul>
          <div className="mt-2 flex gap-2">
            <button type="button" onClick={() => void submit(true)} disabled={sending} className="rounded-md bg-orange-600 px-3 py-1 text-xs font-medium text-white hover:bg-orange-700 disabled:opacity-50">
              Send anyway
            </button>
            <button
              type="button"
              onClick={() => {
                setBaseline({ version: conflict.version, since: conflict.at });
                setConflict(null);
              }}
              className="rounded-md px-3 py-1 text-xs font-medium text-orange-900 ring-1 ring-orange-300 hover:bg-orange-100"
            >
              Cancel and review
            </button>
          </div>
        </div>
      ) : null}

      <textarea
        ref={textareaRef}
        aria-label={effectiveMode === "note" ? "Internal note" : "Reply"}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void submit();
          }
        }}
        rows={3}
        placeholder={effectiveMode === "note" ? "Add an internal note for your team…" : `Reply to ${view.thread.customerName || "the customer"}…`}
        className={`block w-full resize-y rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset focus:ring-2 focus:outline-none ${
          effectiveMode === "note" ? "bg-amber-50/70 ring-amber-200 focus:ring-amber-400" : "bg-white ring-slate-200 focus:ring-brand-500"
        }`}
      />

      {files.length ? (
        <ul className="mt-2 flex flex-wrap gap-2" data-testid="composer-files">
          {files.map((f) => (
            <li
              key={f.key}
              data-uploaded={f.uploaded ? "true" : "false"}
              className="relative flex items-center gap-2 overflow-hidden rounded-md bg-slate-50 px-2 py-1 text-xs ring-1 ring-slate-200"
            >
              <PaperclipIcon /> {f.name} <span className="text-slate-400">{f.uploaded ? formatSize(f.size) : `${Math.round(f.progress * 100)}%`}</span>
              <button type="button" aria-label={`Remove ${f.name}`} onClick={() => setFiles((list) => list.filter((x) => x.key !== f.key))} className="text-slate-400 hover:text-slate-700">
                ×
              </button>
              {!f.uploaded ? (
                <span className="absolute inset-x-0 bottom-0 h-0.5 bg-slate-200" role="progressbar" aria-label={`Uploading ${f.name}`} aria-valuenow={Math.round(f.progress * 100)}>
                  <span className="block h-full bg-brand-500 transition-all" style={{ width: `${Math.round(f.progress * 100)}%` }} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      {error ? (
        <p role="alert" data-testid="composer-error" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">
          {error}
        </p>
      ) : null}

      <div className="mt-2 flex items-center gap-3">
        <button type="button" onClick={() => fileInput.current?.click()} className="rounded-md px-2 py-1 text-sm text-slate-600 ring-1 ring-slate-200 hover:bg-slate-50">
          Attach files
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          data-testid="file-input"
          accept={accepted.map((e) => `.${e}`).join(",")}
          onChange={(e) => {
            addFiles([...(e.target.files ?? [])]);
            e.target.value = "";
          }}
        />
        <span className="text-xs text-slate-400" data-testid="upload-limits">
          Drop files here · {policy.description}
        </span>
        <button
          type="submit"
          disabled={sending || uploading}
          className={`ml-auto rounded-lg px-4 py-1.5 text-sm font-medium text-white shadow-xs disabled:opacity-50 ${
            effectiveMode === "note" ? "bg-amber-600 hover:bg-amber-700" : "bg-brand-600 hover:bg-brand-700"
          }`}
        >
          {sending ? "Sending…" : uploading ? "Uploading…" : effectiveMode === "note" ? "Add note" : "Send reply"}
        </button>
      </div>
    </form>
  );
}
