"use server";
// Saved views' server actions (views.use; who may change a shared view is checked in the service).
import { z } from "zod";
import { actorOf } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/http/action";
import { viewIdSchema, viewSchema } from "./schemas";
import { createView, deleteView } from "./service";

export async function createViewAction(input: { name: string; shared: boolean; filters: Record<string, string> }): Promise<ActionResult<{ id: number }>> {
  return runAction({ permission: "views.use", schema: viewSchema, input }, async (v, { db, user }) => ({ id: await createView(db, v, actorOf(user)) }));
}

export async function deleteViewAction(input: { id: number }): Promise<ActionResult> {
  return runAction({ permission: "views.use", schema: viewIdSchema.extend({ confirm: z.literal(true).optional() }), input }, (v, { db, user }) =>
    deleteView(db, v, actorOf(user)),
  );
}
