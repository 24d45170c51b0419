import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { findTags } from "@/lib/tags/queries";
import { TagEditor } from "@/components/admin/tags/tag-editor";

export const metadata: Metadata = { title: "Tags" };
export const dynamic = "force-dynamic";

export default async function TagsPage() {
  await requirePagePermission("tags.manage");
  const tags = await findTags(await getDb());
  return (
    <main className="max-w-3xl p-6">
      <h1 className="text-xl font-semibold">Tags</h1>
      <p className="mt-1 text-sm text-slate-600">
        Agents put these on threads (one at a time or many in the list) and filter by them: in the sidebar, and with <code>tag:name</code> in the search box. A
        tag is one word; deleting it takes it off every thread.
      </p>
      <section aria-labelledby="add-tag" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="add-tag" className="mb-3 text-sm font-semibold">
          Add a tag
        </h2>
        <TagEditor />
      </section>
      <ul className="mt-6 space-y-2" aria-label="Tags">
        {tags.map((t) => (
          <li key={t.id} data-testid="tag-row" data-name={t.name} className="rounded-lg border border-slate-200 bg-white p-3">
            <TagEditor tag={t} />
          </li>
        ))}
      </ul>
    </main>
  );
}
