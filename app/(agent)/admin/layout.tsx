import { requirePagePermission } from "@/lib/auth/session";
import { AdminNav } from "@/components/admin/admin-nav";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("admin.view");
  return (
    <div className="flex h-full">
      <AdminNav />
      <div className="min-w-0 flex-1 overflow-y-auto">{children}</div>
    </div>
  );
}
