// One thread: messages, the channel's details, and the agent's actions (issue 3, thread side).
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";

export default async function ThreadPage({ params }: { params: Promise<{ threadId: string }> }) {
  await requirePagePermission("inbox.view");
  const { threadId } = await params;
  const id = Number(threadId);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return <section className="min-w-0 flex-1 p-6 text-sm text-slate-500">Thread {id}</section>;
}
