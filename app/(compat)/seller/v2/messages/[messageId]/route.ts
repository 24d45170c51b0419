// PATCH /seller/v2/messages/{messageId} — hasRead (wire-compatible; lib/discussions/http.ts)
import { messageRoute } from "@/lib/discussions/http";

export const dynamic = "force-dynamic";
export const { PATCH, GET } = messageRoute;
