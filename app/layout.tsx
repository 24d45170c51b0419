import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Switchboard", template: "%s · Switchboard" },
  description: "One threaded inbox for every way a customer reaches your shop.",
  // Static files (the icon, later the chat widget's loader) live in public/.
  icons: { icon: "/icon.svg" },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: each gets its own CSP nonce (proxy.ts), which a page built
  // ahead of time could not carry.
  await connection();
  return (
    // The agent screens set lang and the dark class on <html> before hydration (their preferences).
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900">{children}</body>
    </html>
  );
}
