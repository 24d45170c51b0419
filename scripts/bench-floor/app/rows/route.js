// GET /rows — the floor of `npm run bench:http`: a bare Next.js route handler answering 50 small
// rows (the shape of an inbox list row), no session, no database. What Next itself costs per request.
export const dynamic = "force-dynamic";

const started = Date.now();

export function GET() {
  const rows = Array.from({ length: 50 }, (_, i) => ({
    id: 100_000 - i,
    channel: "contact",
    status: "open",
    subject: `Where is my order ORD-${104_242 + i}?`,
    customerName: "Ayşe Yılmaz",
    lastMessageAt: new Date(started - i * 300_000).toISOString(),
    lastMessagePreview: "Merhaba, siparişim hâlâ gelmedi; kargo takip numarası çalışmıyor, lütfen yardım edin.",
    unreadCount: i % 3,
  }));
  return Response.json({ rows, nextCursor: null }, { headers: { "Cache-Control": "private, no-store" } });
}
