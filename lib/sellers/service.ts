// Writes of sellers: an admin adds or edits one at /admin/sellers (the datasource fields).
import "server-only";
import { and, eq, ne, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sellers, type Seller } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { SellerForm } from "./schemas";

export async function saveSeller(db: Db, input: SellerForm): Promise<Seller> {
  const values = {
    slug: input.slug,
    title: input.title,
    externalId: input.externalId,
    supplierCode: input.supplierCode,
    email: input.email,
    phone: input.phone,
    faxNumber: input.faxNumber,
    mersisNumber: input.mersisNumber,
    kepAddress: input.kepAddress,
    tradeAssociation: input.tradeAssociation,
    address: input.address,
    priceList: input.priceList,
    stockList: input.stockList,
    isActive: input.isActive,
    extras: input.extras,
  };
  const clash = await db
    .select({ slug: sellers.slug, externalId: sellers.externalId })
    .from(sellers)
    .where(
      and(
        input.id ? ne(sellers.id, input.id) : undefined,
        or(eq(sellers.slug, input.slug), input.externalId ? eq(sellers.externalId, input.externalId) : undefined),
      ),
    )
    .limit(1);
  if (clash[0]) {
    const field = clash[0].slug === input.slug ? "slug" : "externalId";
    const message = field === "slug" ? "Another seller has this name." : "Another seller has this marketplace id.";
    throw new AppError("conflict", message, { [field]: [message] });
  }
  if (input.id) {
    const [row] = await db.update(sellers).set(values).where(eq(sellers.id, input.id)).returning();
    if (!row) throw new AppError("not_found", "Seller not found.");
    return row;
  }
  const [row] = await db.insert(sellers).values(values).returning();
  return row!;
}
