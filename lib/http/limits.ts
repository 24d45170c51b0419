// How large a request body may be, in one place (pure data: proxy.ts and next.config.js agree with
// it). JSON APIs take about 1 MB; anything carrying files takes its channel's upload allowance
// plus room for the form's text. Each limit is enforced while the body streams in, answering 413
// in the API's own shape (lib/http/wire.ts readBody, lib/http/route.ts apiRoute's bodyLimit).
import { CHANNEL_CATALOG } from "@/lib/channels/catalog";

export const MB = 1024 * 1024;

/** A JSON API's body. */
export const JSON_BODY_LIMIT = MB;

/** Room for a form's text fields beside its files. */
export const FORM_TEXT_ALLOWANCE = MB;

/** The largest upload any channel takes, with its form: what a page's form post (a server action) may carry. */
export const PAGE_POST_BODY_LIMIT = Math.max(...Object.values(CHANNEL_CATALOG).map((c) => c.upload.maxTotalBytes)) + FORM_TEXT_ALLOWANCE;
