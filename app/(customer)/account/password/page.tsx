import type { Metadata } from "next";
import Link from "next/link";
import { homeFor } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { OwnPasswordForm } from "@/components/account/password-forms";

export const metadata: Metadata = { title: "Change your password" };
export const dynamic = "force-dynamic";

// /account/password — for everyone signed in (staff and customers): the current password is required.
export default async function OwnPasswordPage() {
  const user = await requirePagePermission("account.password");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-4">
        <div className="text-center">
          <h1 className="text-xl font-semibold">Change your password</h1>
          <p className="mt-1 text-sm text-slate-600">{user.email}: your other sessions are signed out when you change it.</p>
        </div>
        <OwnPasswordForm />
        <p className="text-center text-sm">
          <Link href={homeFor(user.role)} className="text-slate-600 hover:underline">
            Back
          </Link>
        </p>
      </div>
    </main>
  );
}
