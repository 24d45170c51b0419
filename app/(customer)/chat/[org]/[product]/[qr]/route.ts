// GET /chat/<org>/<product>/<qr-id> — the hosted chat page of a printed QR code; see lib/chat/panel.ts
import { qrChatPage } from "@/lib/chat/panel";

export const dynamic = "force-dynamic";
export const GET = qrChatPage;
