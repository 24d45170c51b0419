// GET /api/saved-replies — the team's saved replies and mine, each body per language (the composer's picker)
import { apiRoute } from "@/lib/http/route";
import { getLocaleSettings } from "@/lib/i18n";
import { findSavedReplies } from "@/lib/saved-replies/queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "savedReplies.use", headers: { "Cache-Control": "private, no-store" } }, async ({ db, user }) => ({
  replies: await findSavedReplies(db, user.id),
  defaultLocale: (await getLocaleSettings(db)).defaultLocale,
}));
