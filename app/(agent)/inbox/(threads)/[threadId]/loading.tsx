// Shown the moment a thread is chosen, while the server reads it (a slow connection, a long thread):
// the pane says it is opening rather than keeping "Select a conversation".
export default function ThreadLoading() {
  return (
    <section data-testid="thread-loading" role="status" aria-live="polite" className="flex min-w-0 flex-1 flex-col bg-slate-50">
      <div className="border-b border-slate-200 bg-white px-5 py-4">
        <div className="h-3 w-24 animate-pulse rounded bg-slate-200" />
        <div className="mt-2 h-5 w-2/3 animate-pulse rounded bg-slate-200" />
      </div>
      <p className="flex flex-1 items-center justify-center text-sm text-slate-700">Opening the conversation…</p>
    </section>
  );
}
