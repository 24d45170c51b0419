import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requirePagePermission("admin.view");
  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1 className="text-xl font-semibold">Administration</h1>
      <p className="mt-2 text-sm text-slate-600">Subjects, typologies, API keys and settings are managed here.</p>
    </main>
  );
}
