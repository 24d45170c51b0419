import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { findPasswordToken } from "@/lib/users/service";
import { LinkPasswordForm } from "@/components/account/password-forms";

export const metadata: Metadata = { title: "Choose your password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

// /password/<token> — the one-time link of an invitation or a password reset: choose a password.
export default async function LinkPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findPasswordToken(await getDb(), token);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-4">
        {found && !found.user.disabledAt ? (
          <>
            <div className="text-center">
              <h1 className="text-xl font-semibold">{found.token.kind === "invite" ? `Welcome, ${found.user.name}` : "Choose a new password"}</h1>
              <p className="mt-1 text-sm text-slate-600">For {found.user.email}. This link works once.</p>
            </div>
            <LinkPasswordForm token={token} />
          </>
        ) : (
          <div className="rounded-xl border border-slate-200 bg-white p-6 text-center text-sm shadow-sm" role="alert">
            <h1 className="mb-2 text-lg font-semibold">This link is no longer valid</h1>
            <p className="text-slate-600">It was used already or it expired. Ask an administrator for a new one.</p>
            <Link href="/login" className="mt-4 inline-block text-brand-700 hover:underline">
              Sign in
            </Link>
          </div>
        )}
      </div>
    </main>
  );
}
