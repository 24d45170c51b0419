import Link from "next/link";
import { redirect } from "next/navigation";
import { homeFor } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";

export default async function Home() {
  const user = await getCurrentUser();
  if (user) redirect(homeFor(user.role));
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center px-6">
      <h1 className="text-3xl font-semibold">Switchboard</h1>
      <p className="mt-3 text-slate-600">
        One threaded inbox for contact forms, customer conversations, marketplace discussions, call-back requests and live chat.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/login" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
          Sign in
        </Link>
        <Link href="/contact" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
          Contact us
        </Link>
        <Link href="/callback" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
          Request a call-back
        </Link>
      </div>
    </main>
  );
}
