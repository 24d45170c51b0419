// The widget's chat panel page: a small HTML document with no framework (public/widget-panel.js
// draws it), served by us so the shop's CSS cannot reach it. Two ways to open it: in the iframe the
// loader (public/widget.js) creates on first click (`/widget/<org>?product=…`), framed by the
// organization's sites only, and as the hosted page of a printed QR code (`/chat/<org>/<product>/<qr>`).
import "server-only";
import { getDb } from "@/db/client";
import { publicOrigin } from "@/lib/http/url";
import { widgetPageHeaders } from "./frame";
import { findOrgByKey, findQrCode } from "./queries";
import { chatLanguage, greetingFor, WIDGET_TEXTS } from "./texts";

type Params = { params: Promise<Record<string, string | string[]>> };
const one = (v: string | string[] | undefined) => String(Array.isArray(v) ? v[0] : (v ?? ""));

const escapeJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");

function page(config: Record<string, unknown>, lang: string, title: string, mode: "frame" | "page"): string {
  return `<!doctype html>
<html lang="${lang}" data-mode="${mode}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title.replace(/[<>&"]/g, "")}</title>
<link rel="stylesheet" href="/widget-panel.css">
</head>
<body>
<script type="application/json" id="sb-config">${escapeJson(config)}</script>
<div id="sb-chat" class="sb"></div>
<script src="/widget-panel.js" defer></script>
</body>
</html>`;
}

const notFound = (text: string) => new Response(text, { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "X-Frame-Options": "DENY" } });

function languageOf(request: Request, given: string | null): string {
  return chatLanguage(given || request.headers.get("accept-language"));
}

// GET /widget/<org>?product=…&lang=…&page=… — the panel inside the loader's iframe
export async function widgetPanel(request: Request, context: Params): Promise<Response> {
  const orgKey = one((await context.params).org);
  const url = new URL(request.url);
  const org = await findOrgByKey(await getDb(), orgKey);
  if (!org) return notFound("Unknown chat organization.");
  const lang = languageOf(request, url.searchParams.get("lang"));
  const product = url.searchParams.get("product") || org.products[0] || "";
  const config = {
    base: publicOrigin(request),
    mode: "frame",
    org: org.orgKey,
    product,
    lang,
    language: url.searchParams.get("lang") || request.headers.get("accept-language")?.split(",")[0] || lang,
    pageUrl: (url.searchParams.get("page") ?? "").slice(0, 2000),
    greeting: greetingFor(org.greeting, lang),
    texts: WIDGET_TEXTS[chatLanguage(lang)],
  };
  return new Response(page(config, lang, config.texts.title!, "frame"), { headers: widgetPageHeaders({ allowedOrigins: org.allowedOrigins }) });
}

// GET /chat/<org>/<product>/<qr> — the hosted chat page of a printed QR code
export async function qrChatPage(request: Request, context: Params): Promise<Response> {
  const p = await context.params;
  const db = await getDb();
  const orgKey = one(p.org);
  const org = await findOrgByKey(db, orgKey);
  const qr = org ? await findQrCode(db, orgKey, one(p.qr)) : undefined;
  if (!org || !qr) return notFound("This QR code is not known.");
  const url = new URL(request.url);
  const lang = languageOf(request, url.searchParams.get("lang"));
  const config = {
    base: publicOrigin(request),
    mode: "page",
    org: org.orgKey,
    product: one(p.product) || qr.productName,
    qr: qr.qrKey,
    lang,
    language: request.headers.get("accept-language")?.split(",")[0] || lang,
    pageUrl: url.pathname,
    greeting: greetingFor(org.greeting, lang),
    texts: WIDGET_TEXTS[chatLanguage(lang)],
  };
  return new Response(page(config, lang, `${config.texts.title} · ${org.name || org.orgKey}`, "page"), { headers: widgetPageHeaders("none") });
}
