// GET /api/customers?q=…&exclude=… — customers whose name or e-mail contains q (the profile's merge picker)
import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { findCustomers } from "@/lib/customers/queries";
import { text } from "@/lib/validation";

export const dynamic = "force-dynamic";

const query = z.object({ q: text({ max: 100 }).default(""), exclude: z.coerce.number().int().positive().optional() });

export const GET = apiRoute({ permission: "customers.view", headers: { "Cache-Control": "private, no-store" } }, async ({ db, request }) => {
  const { q, exclude } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { customers: await findCustomers(db, q, { exclude }) };
});
