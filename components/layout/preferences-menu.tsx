"use client";
// The header's preferences: the agent UI's language and theme, saved on the server for this agent.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Menu } from "@/components/ui/menu";
import { savePreferencesAction } from "@/lib/users/preference-actions";
import { AGENT_LOCALES, THEMES, type AgentLocale, type Theme } from "@/lib/inbox/texts";
import { useAgentPrefs } from "./agent-prefs";

const LANGUAGE_NAMES: Record<AgentLocale, string> = { en: "English", tr: "Türkçe" };

export function PreferencesMenu() {
  const { locale, theme, t } = useAgentPrefs();
  const router = useRouter();
  const [pending, start] = useTransition();
  const save = (next: { locale: AgentLocale; theme: Theme }) =>
    start(async () => {
      const result = await savePreferencesAction(next);
      if (result.ok) router.refresh();
    });
  const select = "w-full rounded-md border-0 bg-white py-1 pl-2 text-sm text-slate-800 ring-1 ring-slate-300";
  return (
    <Menu
      label={<span aria-label={t.prefs.button}>⚙</span>}
      title={t.prefs.button}
      testId="preferences"
      align="right"
      buttonClassName="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100"
      panelClassName="w-56"
    >
      {() => (
        <div className="space-y-2 p-2 text-sm" data-testid="preferences-menu" aria-busy={pending}>
          <label className="block">
            <span className="mb-0.5 block text-xs font-medium text-slate-700">{t.prefs.language}</span>
            <select data-testid="pref-locale" className={select} value={locale} onChange={(e) => save({ locale: e.target.value as AgentLocale, theme })}>
              {AGENT_LOCALES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
          <label className="block">
            <span className="mb-0.5 block text-xs font-medium text-slate-700">{t.prefs.theme}</span>
            <select data-testid="pref-theme" className={select} value={theme} onChange={(e) => save({ locale, theme: e.target.value as Theme })}>
              {THEMES.map((th) => (
                <option key={th} value={th}>
                  {t.prefs.themes[th]}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </Menu>
  );
}
