"use client";
// A snippet to paste into a website, with a copy button.
import { useState } from "react";

export function CopySnippet({ text, testId }: { text: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex items-start gap-2">
      <code data-testid={testId} className="block flex-1 rounded-md bg-slate-900 p-2 font-mono text-xs break-all text-slate-100">
        {text}
      </code>
      <button
        type="button"
        onClick={() => navigator.clipboard?.writeText(text).then(() => setCopied(true))}
        className="rounded-md px-2.5 py-1 text-xs text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}
