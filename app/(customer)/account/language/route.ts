// GET /account/language?lang=tr&next=/account/messages — the customer pages' language switch: kept in a cookie (and the signed-in customer's setting), then back
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { setAccountLocale } from "@/lib/accounts/service";
import { LANGUAGE_COOKIE, safeNext } from "@/lib/portal/locale";
import { getPortalCustomer } from "@/lib/portal/session";
import { publicOrigin } from "@/lib/http/url";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const lang = url.searchParams.get("lang") === "tr" ? "tr" : "en";
  const next = safeNext(url.searchParams.get("next"), "/account");
  const customer = await getPortalCustomer();
  if (customer) await setAccountLocale(await getDb(), { userId: customer.user.id, locale: lang });
  const response = NextResponse.redirect(new URL(next, publicOrigin(request)), 303);
  response.cookies.set(LANGUAGE_COOKIE, lang, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
  return response;
}
