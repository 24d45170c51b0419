// GET /widget/<org> — the chat panel inside the loader's iframe (framed by the organization's sites only); see lib/chat/panel.ts
import { widgetPanel } from "@/lib/chat/panel";

export const dynamic = "force-dynamic";
export const GET = widgetPanel;
