// The inbox: the thread list on the left (issue 3, list side) and the open thread on the right.
// The list lives in this layout so opening a thread (/inbox/<id>) keeps the list as it was.
import { ShortcutsProvider } from "@/components/inbox/shortcuts";

export default function InboxLayout({ children }: { children: React.ReactNode }) {
  return (
    <ShortcutsProvider>
      <div className="flex h-full">{children}</div>
    </ShortcutsProvider>
  );
}
