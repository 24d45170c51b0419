// Reads of products and their pictures.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { productImages, products, type Product, type ProductImage } from "@/db/schema";

/** A picture by its public path (what /media/<path> serves). */
export async function findProductImageByPath(db: Db, path: string): Promise<ProductImage | undefined> {
  const [row] = await db.select().from(productImages).where(eq(productImages.path, path)).limit(1);
  return row;
}

export async function findProduct(db: Db, id: number): Promise<Product | undefined> {
  const [row] = await db.select().from(products).where(eq(products.id, id)).limit(1);
  return row;
}
