// POST /api/inbox/bulk — one action on the selected threads, in one transaction: {action: status|assign|tag|read|snooze|unsnooze, threadIds, …}
import { actorOf } from "@/lib/auth/session";
import { bulkSchema, runBulkAction } from "@/lib/inbox/bulk";
import { apiRoute } from "@/lib/http/route";
import type { Permission } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

const PERMISSION: Record<string, Permission> = {
  status: "thread.status",
  assign: "thread.assign",
  tag: "thread.tag",
  read: "thread.read",
  snooze: "thread.snooze",
  unsnooze: "thread.snooze",
};

export const POST = apiRoute({ permission: "thread.bulk" }, async ({ db, json, require }) => {
  const input = bulkSchema.parse(await json());
  return runBulkAction(db, input, actorOf(require(PERMISSION[input.action]!)));
});
