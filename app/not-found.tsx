// Any unknown page: said plainly, with a way home (instead of the framework's stock page).
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold">This page does not exist</h1>
        <p className="mt-2 text-sm text-slate-600">The address may be mistyped, or what it pointed to was removed (404).</p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
          Go to the start page
        </Link>
      </div>
    </main>
  );
}
