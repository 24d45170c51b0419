// POST /seller/v2/messages — reply to a discussion (wire-compatible; lib/discussions/wire/http.ts)
import { messagesRoute } from "@/lib/discussions/wire/http";

export const dynamic = "force-dynamic";
export const { POST, GET } = messagesRoute;
