import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { signOutAction } from "@/lib/auth/actions";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?next=/account");
  if (user.role !== "customer") redirect("/inbox");
  return (
    <main className="mx-auto max-w-2xl p-6">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">Hello, {user.name}</h1>
        <form action={signOutAction}>
          <button className="text-sm text-slate-600 hover:underline">Sign out</button>
        </form>
      </div>
      <p className="mt-2 text-sm text-slate-600">Your conversations with us will appear here.</p>
    </main>
  );
}
