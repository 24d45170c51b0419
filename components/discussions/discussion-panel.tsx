// The discussion's facts for the inbox's thread view: typology, order, sales channel, claim level
// and the participants. Data comes from getDiscussionPanel (lib/discussions/queries.ts).
import type { getDiscussionPanel } from "@/lib/discussions/queries";
import { eligibleReceivers } from "@/lib/discussions/receivers";

type Panel = NonNullable<Awaited<ReturnType<typeof getDiscussionPanel>>>;

const CLAIM_LEVELS: Record<string, string> = { Discussion: "Discussion", Claim: "Claim", Level_1: "Claim, level 1" };

export function DiscussionPanel({ panel, customerName }: { panel: Panel; customerName: string }) {
  const d = panel.detail;
  const receivers = eligibleReceivers(d.receivers);
  const rows: [string, React.ReactNode][] = [
    ["Reason", <>{panel.typologyDescription ?? d.subTypologyCode} <span className="font-mono text-xs text-slate-400">{d.typologyCode}/{d.subTypologyCode}</span></>],
    ["Order", <>{d.orderReference ?? d.orderId ?? "—"}{d.orderStatus ? <span className="text-slate-500"> · {d.orderStatus}</span> : null}</>],
    ["Offer / product", `${d.offerId ?? "—"} / ${d.productId ?? "—"}`],
    ["Sales channel", d.salesChannel],
    ["Claim level", CLAIM_LEVELS[d.graduationCode] ?? d.graduationCode],
    [
      "Participants",
      <ul key="p" className="space-y-0.5">
        <li>Customer: {customerName || d.customerExternalId || "—"}</li>
        <li>Seller: {panel.sellerTitle ?? "—"}{panel.sellerExternalId ? ` (${panel.sellerExternalId})` : ""}</li>
        {receivers.some((r) => r.userType === "GrcOperator") ? <li>Marketplace customer service</li> : null}
      </ul>,
    ],
  ];
  return (
    <dl className="grid grid-cols-[6.5rem_1fr] gap-x-2 gap-y-1.5 text-sm" data-testid="discussion-panel">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="min-w-0 text-slate-800 [overflow-wrap:anywhere]">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
