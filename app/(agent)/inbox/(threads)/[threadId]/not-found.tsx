// An unknown, deleted or malformed thread id: said in the inbox's own pane, with a way back.
import Link from "next/link";

export default function ThreadNotFound() {
  return (
    <section data-testid="thread-not-found" className="flex min-w-0 flex-1 flex-col items-center justify-center gap-3 bg-slate-50 p-6 text-center text-sm">
      <h1 className="text-lg font-semibold text-slate-900">There is no such conversation</h1>
      <p className="max-w-sm text-slate-600">It may have been deleted or merged into another thread, or the link is wrong.</p>
      <Link href="/inbox" className="font-medium text-brand-700 hover:underline">
        Back to the inbox
      </Link>
    </section>
  );
}
