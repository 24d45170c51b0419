import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { homeFor } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; password?: string }> }) {
  const user = await getCurrentUser();
  const { next, password } = await searchParams;
  if (user) redirect(next && next.startsWith("/") && !next.startsWith("//") ? next : homeFor(user.role));
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-3 flex h-11 w-11 items-center justify-center rounded-xl bg-brand-600 text-lg font-bold text-white">S</div>
          <h1 className="text-xl font-semibold">Sign in to Switchboard</h1>
        </div>
        {password === "set" ? (
          <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-center text-sm text-green-800">
            Your password is set. Sign in with it.
          </p>
        ) : null}
        <SignInForm next={next ?? ""} />
      </div>
    </main>
  );
}
