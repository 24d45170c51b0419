// /admin/chat — live chat organizations: the products each may open rooms for, the sites its
// widget may run on, the greeting per language, its QR codes (shown as images to print, each
// opening the hosted chat page) and the one-tag embed snippet. Admins only.
import type { Metadata } from "next";
import { headers } from "next/headers";
import QRCode from "qrcode";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { deleteQrCodeAction } from "@/lib/chat/actions";
import { findOrgsWithQrCodes } from "@/lib/chat/queries";
import { publicOrigin } from "@/lib/http/url";
import { CopySnippet } from "@/components/admin/chat/copy-snippet";
import { OrgForm } from "@/components/admin/chat/org-form";
import { QrAddForm } from "@/components/admin/chat/qr-add-form";

export const metadata: Metadata = { title: "Live chat" };
export const dynamic = "force-dynamic";

export default async function ChatAdminPage() {
  await requirePagePermission("chat.manage");
  const origin = publicOrigin(new Request("http://localhost/", { headers: await headers() }));
  const orgs = await findOrgsWithQrCodes(await getDb());
  const withImages = await Promise.all(
    orgs.map(async (org) => ({
      ...org,
      qrCodes: await Promise.all(
        org.qrCodes.map(async (qr) => {
          const url = `${origin}/chat/${encodeURIComponent(org.orgKey)}/${encodeURIComponent(qr.productName)}/${encodeURIComponent(qr.qrKey)}`;
          return { ...qr, url, svg: await QRCode.toString(url, { type: "svg", margin: 1, width: 144 }) };
        }),
      ),
    })),
  );
  return (
    <main className="mx-auto max-w-5xl space-y-8 p-6">
      <div>
        <h1 className="text-xl font-semibold">Live chat</h1>
        <p className="mt-1 text-sm text-slate-600">
          Organizations whose widgets open chat rooms (the chat API at <code>/api/v2/</code>). A room must name one of the organization&apos;s products; the
          browser may call the API and show the widget only on the allowed origins.
        </p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-semibold">New organization</h2>
        <OrgForm testId="chat-org-new" />
      </section>
      {withImages.map((org) => (
        <section key={org.id} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="chat-org" data-org={org.orgKey}>
          <h2 className="font-semibold">
            {org.name || org.orgKey} <span className="font-mono text-xs text-slate-600">{org.orgKey}</span>
            {org.isActive ? null : <span className="ml-2 text-xs text-slate-600">inactive</span>}
          </h2>
          <details>
            <summary className="cursor-pointer text-sm text-slate-600">Edit</summary>
            <div className="mt-3">
              <OrgForm testId={`chat-org-edit-${org.id}`} values={{ ...org }} />
            </div>
          </details>
          <div>
            <h3 className="mb-1 text-sm font-medium">Embed on a website</h3>
            <div className="space-y-2">
              {org.products.map((product) => (
                <CopySnippet
                  key={product}
                  testId="embed-snippet"
                  text={`<script src="${origin}/widget.js" data-org="${org.orgKey}" data-product="${product}" async></script>`}
                />
              ))}
            </div>
          </div>
          <div>
            <h3 className="mb-2 text-sm font-medium">QR codes</h3>
            <ul className="grid gap-3 sm:grid-cols-3" data-testid="qr-codes">
              {org.qrCodes.map((qr) => (
                <li key={qr.id} className="rounded-md border border-slate-200 p-3 text-center text-xs" data-testid="qr-code" data-qr={qr.qrKey}>
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img
                    src={`data:image/svg+xml;utf8,${encodeURIComponent(qr.svg)}`}
                    alt={`QR code for ${qr.label || qr.qrKey}`}
                    width={144}
                    height={144}
                    className="mx-auto"
                  />
                  <div className="mt-1 font-medium">{qr.label || qr.productName}</div>
                  <div className="font-mono text-slate-600">{qr.qrKey}</div>
                  <a href={qr.url} className="break-all text-sky-700 underline" target="_blank" rel="noreferrer">
                    {qr.url}
                  </a>
                  <form action={deleteQrCodeAction} className="mt-1">
                    <input type="hidden" name="id" value={qr.id} />
                    <button type="submit" className="text-red-700 hover:underline">
                      Remove
                    </button>
                  </form>
                </li>
              ))}
            </ul>
            <div className="mt-3">
              <QrAddForm orgId={org.id} products={org.products} testId={`qr-add-${org.id}`} />
            </div>
          </div>
        </section>
      ))}
    </main>
  );
}
