// Reads of sellers (the conversations API's datasources).
import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sellers, type Seller } from "@/db/schema";

export async function findSellers(db: Db): Promise<Seller[]> {
  return db.select().from(sellers).orderBy(asc(sellers.title), asc(sellers.id));
}

export async function findSeller(db: Db, id: number): Promise<Seller | undefined> {
  const [row] = await db.select().from(sellers).where(eq(sellers.id, id)).limit(1);
  return row;
}
