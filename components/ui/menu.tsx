"use client";
// A button that opens a small panel below it (a menu, a picker): closes on Escape, on a click
// outside, and when the panel asks (`close`). Dumb: it knows nothing of what is inside.
import { useEffect, useId, useRef, useState } from "react";

export function Menu({
  label,
  children,
  buttonClassName,
  panelClassName,
  align = "left",
  testId,
  title,
  disabled,
}: {
  label: React.ReactNode;
  children: (close: () => void) => React.ReactNode;
  buttonClassName?: string;
  panelClassName?: string;
  align?: "left" | "right";
  testId?: string;
  title?: string;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  return (
    <div ref={root} className="relative inline-block">
      <button
        type="button"
        data-testid={testId}
        title={title}
        disabled={disabled}
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
        className={buttonClassName ?? "rounded-md px-2.5 py-1 text-sm text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50 disabled:opacity-50"}
      >
        {label}
      </button>
      {open ? (
        <div
          id={id}
          className={`absolute z-40 mt-1 min-w-48 rounded-lg bg-white p-1 text-sm shadow-lg ring-1 ring-slate-200 ${align === "right" ? "right-0" : "left-0"} ${panelClassName ?? ""}`}
        >
          {children(() => setOpen(false))}
        </div>
      ) : null}
    </div>
  );
}

/** One row of a menu. */
export function MenuItem({ onClick, children, testId, danger }: { onClick: () => void; children: React.ReactNode; testId?: string; danger?: boolean }) {
  return (
    <button
      type="button"
      role="menuitem"
      data-testid={testId}
      onClick={onClick}
      className={`block w-full rounded-md px-2.5 py-1.5 text-left hover:bg-slate-100 ${danger ? "text-red-700" : "text-slate-700"}`}
    >
      {children}
    </button>
  );
}
