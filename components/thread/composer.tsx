"use client";
// The reply / internal-note composer: Reply and Note tabs, receivers where the channel needs them,
// files by drag and drop or picker (the channel's limits shown, and enforced again by the server),
// upload progress, and the "this thread changed" warning before a reply goes out. What is typed is
// a draft kept on the server (text, kind, receivers, files), restored on return or reload and gone
// once sent; while typing, colleagues see "… is replying". Saved replies come with "/" (in an empty
// box) or the button, their variables filled in; in a note, "@" suggests colleagues to mention.
import { useAgentTexts } from "@/components/layout/agent-prefs";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { inboxKeys } from "@/lib/inbox/query-keys";
import type { ThreadChange, ThreadView } from "@/lib/inbox/views";
import { mentionAtCaret } from "@/lib/notifications/mention-syntax";
import { foldForMatch } from "@/lib/search/highlight";
import { ApiError, saveDraft, signalTyping, uploadFile, type SendInput, type SendResult, type UploadedFile } from "./api";
import { LocalTime } from "@/components/ui/local-time";
import { formatSize, PaperclipIcon } from "./message-item";
import { SavedReplyPicker } from "./saved-reply-picker";

/** A pause this long after the last change saves the draft. */
const DRAFT_SAVE_MS = 700;
/** A typing signal at most this often while keys are pressed. */
const TYPING_EVERY_MS = 3_000;
/** No key for this long: "stopped typing". */
const TYPING_IDLE_MS = 8_000;

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
      return c.who && c.who === c.text ? `${c.who} took it` : `${c.who ?? "Someone"} assigned it to ${c.text}`;
  }
}

export function Composer({
  view,
  me,
  mode,
  setMode,
  textareaRef,
  baseline,
  setBaseline,
  send,
  sending,
}: {
  view: ThreadView;
  me: { id: number; name: string };
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
  const qc = useQueryClient();
  const draft = view.draft;
  const [body, setBody] = useState(draft?.body ?? "");
  const [receivers, setReceivers] = useState<string[]>(() =>
    draft?.receivers.length ? draft.receivers : options.receivers[0] ? [options.receivers[0].value] : [],
  );
  const [files, setFiles] = useState<FileItem[]>(() =>
    (draft?.attachments ?? []).map((a) => ({ key: nextKey++, name: a.fileName, size: a.size, progress: 1, uploaded: a })),
  );
  const [picker, setPicker] = useState(false);
  const t = useAgentTexts();
  // "Sending…" that lasts says so; being offline is said before the agent tries.
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!sending) return;
    const timer = setTimeout(() => setSlow(true), 8_000);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [sending]);
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  const [mention, setMention] = useState<{ query: string; start: number; index: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ changes: ThreadChange[]; version: number; at: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const busy = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);

  // The draft: saved a moment after each change (and at once when leaving), kept in the cached view too,
  // so coming back to this thread within the cache's life shows it without a fetch.
  const threadId = view.thread.id;
  const snapshot = JSON.stringify({
    kind: effectiveMode,
    body,
    receivers: effectiveMode === "reply" ? receivers : [],
    attachmentIds: files.flatMap((f) => (f.uploaded ? [f.uploaded.id] : [])),
  });
  const [savedSnapshot, setSavedSnapshot] = useState(() =>
    JSON.stringify({
      kind: draft?.kind ?? effectiveMode,
      body: draft?.body ?? "",
      receivers: draft?.receivers ?? [],
      attachmentIds: draft?.attachments.map((a) => a.id) ?? [],
    }),
  );
  const saved = useRef(savedSnapshot);
  const latest = useRef(snapshot);
  const flush = useRef<(keepalive: boolean) => void>(() => {});
  const persist = (keepalive: boolean) => {
    const current = latest.current;
    if (current === saved.current) return;
    saved.current = current;
    if (!keepalive) setSavedSnapshot(current);
    const d = JSON.parse(current) as { kind: "reply" | "note"; body: string; receivers: string[]; attachmentIds: number[] };
    // The list's "Draft" mark once the server has it.
    void saveDraft(threadId, d, keepalive).then(
      () => qc.invalidateQueries({ queryKey: inboxKeys.lists() }),
      () => {},
    );
    qc.setQueryData<ThreadView>(inboxKeys.thread(threadId), (v) =>
      v
        ? {
            ...v,
            draft:
              d.body.trim() || d.attachmentIds.length
                ? {
                    kind: d.kind,
                    body: d.body,
                    receivers: d.receivers,
                    attachments: files.flatMap((f) => (f.uploaded ? [f.uploaded] : [])),
                    updatedAt: new Date().toISOString(),
                  }
                : null,
          }
        : v,
    );
  };
  useEffect(() => {
    latest.current = snapshot;
    flush.current = persist;
  });
  useEffect(() => {
    if (snapshot === savedSnapshot) return;
    const t = setTimeout(() => flush.current(false), DRAFT_SAVE_MS);
    return () => clearTimeout(t);
  }, [snapshot, savedSnapshot]);
  const lastTyping = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const onHide = () => flush.current(true);
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      flush.current(true);
      clearTimeout(idle.current);
      if (lastTyping.current) signalTyping(threadId, false, "reply");
    };
  }, [threadId]);
  // "Stopped" goes out on send and after a pause (colleagues' "… is replying" and a chat visitor's "Typing…" end).
  const stopTyping = () => {
    clearTimeout(idle.current);
    if (lastTyping.current) signalTyping(threadId, false, effectiveMode);
    lastTyping.current = 0;
  };
  const typed = () => {
    clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
    const now = Date.now();
    if (now - lastTyping.current < TYPING_EVERY_MS) return;
    lastTyping.current = now;
    signalTyping(threadId, true, effectiveMode);
  };

  // The caret goes after inserted text as the new text is committed, before the next key is
  // handled: a key typed right after picking a mention lands after it, not at the end.
  const caretAfterInsert = useRef<number | null>(null);
  useLayoutEffect(() => {
    const el = textareaRef.current;
    const caret = caretAfterInsert.current;
    if (caret === null || !el) return;
    caretAfterInsert.current = null;
    el.focus();
    el.setSelectionRange(caret, caret);
  }, [body, textareaRef]);
  const insertAtCaret = (text: string, from?: number, to?: number) => {
    const el = textareaRef.current;
    const start = from ?? el?.selectionStart ?? body.length;
    const end = to ?? el?.selectionEnd ?? body.length;
    caretAfterInsert.current = start + text.length;
    setBody(body.slice(0, start) + text + body.slice(end));
  };
  const suggestions = mention
    ? view.agents
        .filter(
          (a) =>
            a.id !== me.id &&
            foldForMatch(a.name)
              .split(/\s+/)
              .some((w) => w.startsWith(foldForMatch(mention.query))),
        )
        .slice(0, 6)
    : [];
  const pickMention = (name: string) => {
    if (!mention) return;
    const el = textareaRef.current;
    insertAtCaret(`@${name} `, mention.start, el?.selectionStart ?? mention.start + mention.query.length + 1);
    setMention(null);
  };

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
      stopTyping();
      setBody("");
      setFiles([]);
      setConflict(null);
      setBaseline({ version: result.version, since: result.at });
      // Sent: the server deleted the draft with the send.
      saved.current = JSON.stringify({ kind: effectiveMode, body: "", receivers: effectiveMode === "reply" ? receivers : [], attachmentIds: [] });
      setSavedSnapshot(saved.current);
      qc.setQueryData<ThreadView>(inboxKeys.thread(threadId), (v) => (v ? { ...v, draft: null } : v));
      if (lastTyping.current) {
        lastTyping.current = 0;
        signalTyping(threadId, false, effectiveMode);
      }
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
        effectiveMode === value
          ? value === "note"
            ? "bg-amber-100 text-amber-900"
            : "bg-white text-slate-900 shadow-xs ring-1 ring-slate-200"
          : "text-slate-600 hover:text-slate-800"
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
      className={`border-t border-slate-200 bg-white px-3 pt-3 pb-4 md:px-5 ${dragging ? "bg-brand-50/60" : ""}`}
    >
      <div className="mb-2 flex items-center gap-3">
        <div role="tablist" aria-label="Message kind" className="flex gap-1 rounded-lg bg-slate-100 p-0.5">
          {tab("reply", t.composer.reply, !canReply)}
          {tab("note", t.composer.note)}
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
        <span className="ml-auto text-xs text-slate-600">
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
                {changeText(c)}{" "}
                <span className="text-xs text-orange-700/70">
                  (<LocalTime iso={c.at} />)
                </span>
              </li>
            ))}
          </ul>
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              onClick={() => void submit(true)}
              disabled={sending}
              className="rounded-md bg-orange-700 px-3 py-1 text-xs font-medium text-white hover:bg-orange-800 disabled:opacity-50"
            >
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

      {picker ? (
        <SavedReplyPicker
          view={view}
          me={me}
          onPick={(text) => {
            setPicker(false);
            insertAtCaret(text);
          }}
          onClose={() => {
            setPicker(false);
            textareaRef.current?.focus();
          }}
        />
      ) : null}

      <div className="relative">
        <textarea
          ref={textareaRef}
          aria-label={effectiveMode === "note" ? "Internal note" : "Reply"}
          data-testid="composer-body"
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            typed();
            if (effectiveMode === "note") {
              const at = mentionAtCaret(e.target.value, e.target.selectionStart);
              setMention(at ? { ...at, index: 0 } : null);
            } else if (mention) setMention(null);
          }}
          onKeyDown={(e) => {
            if (mention && suggestions.length) {
              if (e.key === "ArrowDown" || e.key === "ArrowUp") {
                e.preventDefault();
                const delta = e.key === "ArrowDown" ? 1 : -1;
                setMention({ ...mention, index: (mention.index + delta + suggestions.length) % suggestions.length });
                return;
              }
              if (e.key === "Enter" || e.key === "Tab") {
                e.preventDefault();
                pickMention(suggestions[mention.index % suggestions.length]!.name);
                return;
              }
              if (e.key === "Escape") {
                e.preventDefault();
                setMention(null);
                return;
              }
            }
            if (e.key === "/" && !body.trim() && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              setPicker(true);
              return;
            }
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
        {mention && suggestions.length ? (
          <ul
            role="listbox"
            aria-label="Mention a colleague"
            data-testid="mention-suggestions"
            className="absolute bottom-full left-2 z-30 mb-1 w-56 rounded-lg bg-white p-1 text-sm shadow-lg ring-1 ring-slate-200"
          >
            {suggestions.map((a, i) => (
              <li key={a.id} role="option" aria-selected={i === mention.index % suggestions.length}>
                <button
                  type="button"
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pickMention(a.name);
                  }}
                  className={`block w-full rounded px-2 py-1 text-left ${i === mention.index % suggestions.length ? "bg-slate-100" : ""}`}
                >
                  @{a.name}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      {files.length ? (
        <ul className="mt-2 flex flex-wrap gap-2" data-testid="composer-files">
          {files.map((f) => (
            <li
              key={f.key}
              data-uploaded={f.uploaded ? "true" : "false"}
              className="relative flex items-center gap-2 overflow-hidden rounded-md bg-slate-50 px-2 py-1 text-xs ring-1 ring-slate-200"
            >
              <PaperclipIcon /> {f.name} <span className="text-slate-600">{f.uploaded ? formatSize(f.size) : `${Math.round(f.progress * 100)}%`}</span>
              <button
                type="button"
                aria-label={`Remove ${f.name}`}
                onClick={() => setFiles((list) => list.filter((x) => x.key !== f.key))}
                className="text-slate-600 hover:text-slate-700"
              >
                ×
              </button>
              {!f.uploaded ? (
                <span
                  className="absolute inset-x-0 bottom-0 h-0.5 bg-slate-200"
                  role="progressbar"
                  aria-label={`Uploading ${f.name}`}
                  aria-valuenow={Math.round(f.progress * 100)}
                >
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

      {sending && slow ? (
        <p role="status" data-testid="still-sending" className="mt-2 text-xs text-slate-700">
          {t.composer.stillSending}
        </p>
      ) : null}
      {!online ? (
        <p role="status" data-testid="offline" className="mt-2 rounded-md bg-amber-50 px-3 py-1.5 text-xs text-amber-900 ring-1 ring-amber-200">
          {t.composer.offline}
        </p>
      ) : null}
      <div className="mt-2 flex items-center gap-2">
        <button
          type="button"
          onClick={() => fileInput.current?.click()}
          className="shrink-0 rounded-md px-2 py-1 text-sm whitespace-nowrap text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"
        >
          {t.composer.attach}
        </button>
        <button
          type="button"
          data-testid="saved-replies-open"
          onClick={() => setPicker((p) => !p)}
          title="Saved replies (type / in an empty box)"
          className="shrink-0 rounded-md px-2 py-1 text-sm whitespace-nowrap text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"
        >
          {t.composer.savedReplies}
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
        <span className="hidden min-w-0 truncate text-xs text-slate-600 lg:inline" data-testid="upload-limits" title={policy.description}>
          Drop files here · {policy.description}
        </span>
        <button
          type="submit"
          disabled={sending || uploading}
          className={`ml-auto shrink-0 rounded-lg px-4 py-1.5 text-sm font-medium whitespace-nowrap text-white shadow-xs disabled:opacity-50 ${
            effectiveMode === "note" ? "bg-amber-700 hover:bg-amber-800" : "bg-brand-600 hover:bg-brand-700"
          }`}
        >
          {sending ? t.composer.sending : uploading ? "Uploading…" : effectiveMode === "note" ? t.composer.addNote : t.composer.sendReply}
        </button>
      </div>
      {draft || body || files.length ? (
        <p className="mt-1 text-[11px] text-slate-600" data-testid="draft-status">
          {snapshot === savedSnapshot ? t.composer.draftSaved : t.composer.savingDraft}
          {effectiveMode === "note" ? " · @name tells a colleague" : ""}
        </p>
      ) : null}
    </form>
  );
}
