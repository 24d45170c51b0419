// PATCH /seller/v2/messages/{messageId} — hasRead (wire-compatible; lib/discussions/wire/http.ts)
import { messageRoute } from "@/lib/discussions/wire/http";

export const dynamic = "force-dynamic";
export const { PATCH, GET } = messageRoute;
