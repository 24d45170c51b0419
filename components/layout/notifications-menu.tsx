"use client";
// The header's bell: the latest notifications and the agent's opt-ins (desktop notification, sound).
import Link from "next/link";
import { Menu } from "@/components/ui/menu";
import { useNotifications } from "@/components/live/notifications";

export function NotificationsMenu() {
  const n = useNotifications();
  if (!n) return null;
  const { settings, permission, setSettings, recent } = n;
  return (
    <Menu
      label={
        <span className="relative flex items-center" aria-label="Notifications">
          <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
            <path d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16z" />
            <path d="M10 20a2 2 0 0 0 4 0" />
          </svg>
          {recent.length ? <span data-testid="notification-dot" className="absolute -top-1 -right-1 size-2 rounded-full bg-rose-500" /> : null}
        </span>
      }
      testId="notifications"
      align="right"
      buttonClassName="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100"
      panelClassName="w-72"
    >
      {() => (
        <div data-testid="notifications-menu" className="space-y-2 p-1">
          <ul className="max-h-60 space-y-1 overflow-y-auto">
            {recent.length === 0 ? (
              <li className="px-1 text-xs text-slate-600">Nothing new. You are told about new messages in your threads, assignments to you and @mentions.</li>
            ) : null}
            {recent.map((r) => (
              <li key={r.id} data-testid="notification">
                <Link href={r.href} className="block rounded px-1.5 py-1 hover:bg-slate-100">
                  <span className="block truncate text-sm font-medium text-slate-800">{r.title}</span>
                  <span className="block truncate text-xs text-slate-600">{r.body}</span>
                </Link>
              </li>
            ))}
          </ul>
          <div className="space-y-1 border-t border-slate-100 pt-2 text-sm">
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                data-testid="notify-desktop"
                checked={settings.desktop}
                onChange={(e) => void setSettings({ ...settings, desktop: e.target.checked })}
              />
              Desktop notifications
            </label>
            {settings.desktop && permission === "denied" ? (
              <p className="text-xs text-amber-700">The browser blocks notifications for this site: allow them in its settings.</p>
            ) : null}
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                data-testid="notify-sound"
                checked={settings.sound}
                onChange={(e) => void setSettings({ ...settings, sound: e.target.checked })}
              />
              Sound
            </label>
          </div>
        </div>
      )}
    </Menu>
  );
}
