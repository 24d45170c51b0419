"use client";
// The signed-in agent's language and theme for every agent screen: the texts (lib/inbox/texts.ts)
// through useAgentTexts(), and the `dark` class on <html> (their choice, or the system's when they
// chose "as the system", following it live). The header's menu changes both.
import { createContext, useContext, useEffect, useMemo } from "react";
import { agentTexts, type AgentLocale, type AgentTexts, type Theme } from "@/lib/inbox/texts";

const Ctx = createContext<{ locale: AgentLocale; theme: Theme; t: AgentTexts }>({ locale: "en", theme: "system", t: agentTexts("en") });

export const useAgentTexts = () => useContext(Ctx).t;
export const useAgentPrefs = () => useContext(Ctx);

export function AgentPrefsProvider({ locale, theme, children }: { locale: AgentLocale; theme: Theme; children: React.ReactNode }) {
  useEffect(() => {
    const media = matchMedia("(prefers-color-scheme: dark)");
    const apply = () => document.documentElement.classList.toggle("dark", theme === "dark" || (theme === "system" && media.matches));
    apply();
    document.documentElement.lang = locale;
    media.addEventListener("change", apply);
    return () => {
      media.removeEventListener("change", apply);
      document.documentElement.classList.remove("dark");
      document.documentElement.lang = "en";
    };
  }, [theme, locale]);
  const value = useMemo(() => ({ locale, theme, t: agentTexts(locale) }), [locale, theme]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
