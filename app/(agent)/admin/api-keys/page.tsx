import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { findApiCredentials, findKeyOwners } from "@/lib/api-keys/queries";
import { MANAGED_KINDS } from "@/lib/api-keys/schemas";
import { CreateKeyForm } from "@/components/admin/api-keys/create-key-form";
import { RevokeKeyButton } from "@/components/admin/api-keys/revoke-key-button";

export const metadata: Metadata = { title: "API keys" };
export const dynamic = "force-dynamic";

const KIND_LABELS: Record<string, string> = { call_requests: "Call requests", seller: "Seller", chat: "Chat", soap: "SOAP" };
const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) : null);

export default async function ApiKeysPage() {
  await requirePagePermission("apiKeys.manage");
  const db = await getDb();
  const [keys, owners] = await Promise.all([findApiCredentials(db), findKeyOwners(db)]);
  const activePrefixes = keys.filter((k) => !k.revokedAt).map((k) => k.keyPrefix);
  return (
    <main className="mx-auto max-w-5xl space-y-8 p-6">
      <div>
        <h1 className="text-xl font-semibold">API keys</h1>
        <p className="mt-1 text-sm text-slate-600">
          Machine clients sign in with these. A secret is shown once, when it is created; we keep only its hash. Revoke a key that leaked and create a new one.
        </p>
      </div>

      <section className="grid gap-4 md:grid-cols-2">
        <CreateKeyForm
          kind="call_requests"
          title="New call-requests key"
          help="HTTP Basic for /api/call_requests: the user is the staff member's e-mail, the password is the key. The key acts as that user."
          scopes={MANAGED_KINDS.call_requests.scopeLabels}
          activePrefixes={activePrefixes}
          owners={owners.staff.map((s) => ({ id: s.id, label: `${s.name} <${s.email}>` }))}
        />
        <CreateKeyForm
          kind="seller"
          title="New seller credential"
          help="Client credentials for the marketplace discussions API (/seller/v2): client id and secret, bound to one seller, whose id goes in the SellerId header."
          scopes={MANAGED_KINDS.seller.scopeLabels}
          activePrefixes={activePrefixes}
          owners={owners.sellers.map((s) => ({ id: s.id, label: `${s.title}${s.externalId ? ` (${s.externalId})` : ""}` }))}
        />
        <CreateKeyForm
          kind="chat"
          title="New chat key"
          help="For the chat API's staff side (/api/v2/room-list/, get_QR_Id/, answering through room-service/): Authorization: Bearer <key>. The key acts as that user."
          scopes={MANAGED_KINDS.chat.scopeLabels}
          activePrefixes={activePrefixes}
          owners={owners.staff.map((s) => ({ id: s.id, label: `${s.name} <${s.email}>` }))}
        />
        <CreateKeyForm
          kind="soap"
          title="New SOAP credential"
          help="For the user-messages service (/listingapi/ws/IndividualUserConversationService?wsdl), bound to one seller: HTTP Basic with the role name and password, and every request signed with the apiKey and secret."
          scopes={MANAGED_KINDS.soap.scopeLabels}
          activePrefixes={activePrefixes}
          owners={owners.sellers.map((s) => ({ id: s.id, label: `${s.title}${s.externalId ? ` (${s.externalId})` : ""}` }))}
        />
      </section>

      <section>
        <h2 className="mb-2 font-semibold">All keys</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-xs" data-testid="api-keys">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
              <tr>
                <th className="px-3 py-2 font-medium">Name</th>
                <th className="px-3 py-2 font-medium">Bound to</th>
                <th className="px-3 py-2 font-medium">Key id</th>
                <th className="px-3 py-2 font-medium">Permissions</th>
                <th className="px-3 py-2 font-medium">Created</th>
                <th className="px-3 py-2 font-medium">Last used</th>
                <th className="px-3 py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((k) => (
                <tr key={k.id} data-testid="api-key-row" data-prefix={k.keyPrefix} className={k.revokedAt ? "text-slate-600" : ""}>
                  <td className="px-3 py-2">
                    <div className="font-medium">{k.name}</div>
                    <div className="text-xs text-slate-600">{KIND_LABELS[k.kind] ?? k.kind}</div>
                  </td>
                  <td className="px-3 py-2">
                    {k.userEmail ?? (k.sellerTitle ? `${k.sellerTitle}${k.sellerExternalId ? ` (${k.sellerExternalId})` : ""}` : "—")}
                  </td>
                  <td className="px-3 py-2 font-mono break-all">
                    {k.keyPrefix}
                    {k.roleName ? <div className="text-slate-600">role {k.roleName}</div> : null}
                  </td>
                  <td className="px-3 py-2 text-xs">
                    {k.scopes.map((scope) => (
                      <div key={scope}>{scope}</div>
                    ))}
                  </td>
                  <td className="px-3 py-2 text-xs whitespace-nowrap">{when(k.createdAt)}</td>
                  <td className="px-3 py-2 text-xs whitespace-nowrap" data-testid="api-key-last-used">
                    {when(k.lastUsedAt) ?? "never"}
                  </td>
                  <td className="px-3 py-2 text-right">
                    {k.revokedAt ? (
                      <span className="text-xs" data-testid="api-key-revoked">
                        revoked {when(k.revokedAt)}
                      </span>
                    ) : (
                      <RevokeKeyButton id={k.id} name={k.name} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </main>
  );
}
