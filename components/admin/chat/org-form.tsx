"use client";
// One form for a new chat organization and for editing one: its public id, products, the origins
// its widgets may call from (and be framed by), the greeting per language, active.
import { startTransition, useActionState } from "react";
import { saveChatOrgAction } from "@/lib/chat/actions";
import type { ActionResult } from "@/lib/errors";

export interface OrgFormValues {
  id: number;
  orgKey: string;
  name: string;
  products: string[];
  allowedOrigins: string[];
  greeting: Record<string, string>;
  isActive: boolean;
}

export function OrgForm({ values, testId }: { values?: OrgFormValues; testId: string }) {
  const [state, action, pending] = useActionState<ActionResult<{ id: number }> | null, FormData>(saveChatOrgAction, null);
  const error = (field: string) => (state && !state.ok ? state.fields?.[field]?.[0] : undefined);
  const input = "w-full rounded-md border border-slate-300 px-2 py-1.5";
  const field = (name: string, label: string, node: React.ReactNode, hint?: string) => (
    <label className="block">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      {node}
      {hint ? <span className="text-xs text-slate-600">{hint}</span> : null}
      {error(name) ? <span className="block text-xs text-red-700">{error(name)}</span> : null}
    </label>
  );
  return (
    <form
      // Submitted by hand, not as a form action: React resets a form after its action, and a refused form must keep what was typed.
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
      className="space-y-3 text-sm"
      data-testid={testId}
    >
      {values ? <input type="hidden" name="id" value={values.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {field(
          "orgKey",
          "Organization id (org_id)",
          <input name="orgKey" required defaultValue={values?.orgKey} className={input} placeholder="DOWELL12345" />,
        )}
        {field("name", "Name", <input name="name" defaultValue={values?.name} className={input} />)}
        {field(
          "products",
          "Products",
          <textarea name="products" rows={3} defaultValue={values?.products.join("\n")} className={input} placeholder={"WORKFLOWAI\nWIFIQRCODE"} />,
          "One per line: the product names rooms may be opened for.",
        )}
        {field(
          "allowedOrigins",
          "Allowed origins",
          <textarea name="allowedOrigins" rows={3} defaultValue={values?.allowedOrigins.join("\n")} className={input} placeholder="https://shop.example" />,
          "One per line; * allows any site. These sites may call the chat API from the browser and show the widget.",
        )}
        {field(
          "greetingEn",
          "Greeting (English)",
          <input name="greetingEn" defaultValue={values?.greeting.en} className={input} placeholder="How may I help you" />,
        )}
        {field(
          "greetingTr",
          "Greeting (Türkçe)",
          <input name="greetingTr" defaultValue={values?.greeting.tr} className={input} placeholder="Size nasıl yardımcı olabilirim?" />,
        )}
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="isActive" defaultChecked={values?.isActive ?? true} /> Active
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-50">
          {values ? "Save" : "Add organization"}
        </button>
        {state?.ok ? (
          <span role="status" className="text-green-700">
            Saved.
          </span>
        ) : state && !state.ok ? (
          <span role="alert" className="text-red-700">
            {state.error}
          </span>
        ) : null}
      </div>
    </form>
  );
}
