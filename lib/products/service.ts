// Writes of the reference data conversations point at: products (with their pictures) and the
// order items customers bought. The commerce backend owns them; the seed and imports write them here.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderItems, productImages, products, type OrderItem, type Product } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { checkUploads, type IncomingFile } from "@/lib/storage/file-types";
import { getStore, type FileStore } from "@/lib/storage/store";
import { imageSize } from "./images";

/** What a product picture may be. */
export const PRODUCT_IMAGE_POLICY = { kinds: ["png", "jpg", "gif", "webp"], maxFiles: 10, maxTotalBytes: 10 * 1024 * 1024 } as const;

export interface SaveProduct {
  sku: string;
  name: string;
  sellerId?: number | null;
  /** Pictures to add, in order (the type decided by the bytes). */
  images?: IncomingFile[];
  /** When the images were taken (their path is dated by it). */
  at?: Date;
  store?: FileStore;
}

/** A product by its SKU, created or renamed, with any new pictures appended. */
export async function saveProduct(db: Db, input: SaveProduct): Promise<Product> {
  const sku = input.sku.trim();
  const name = input.name.trim();
  if (!sku || !name) throw new AppError("invalid", "A product needs a SKU and a name.", { sku: sku ? [] : ["Required."], name: name ? [] : ["Required."] });
  const checked = await checkUploads({ ...PRODUCT_IMAGE_POLICY, kinds: [...PRODUCT_IMAGE_POLICY.kinds] }, input.images ?? [], "images");
  const store = input.store ?? getStore();
  return db.transaction(async (tx) => {
    const [product] = await tx
      .insert(products)
      .values({ sku, name, sellerId: input.sellerId ?? null })
      .onConflictDoUpdate({ target: products.sku, set: { name, sellerId: input.sellerId ?? null } })
      .returning();
    const existing = await tx.select({ path: productImages.path }).from(productImages).where(eq(productImages.productId, product!.id));
    const at = input.at ?? new Date();
    const day = at.toISOString().slice(0, 10).replaceAll("-", "/");
    for (const [i, file] of checked.entries()) {
      const size = imageSize(file.bytes);
      if (!size) throw new AppError("invalid", `${file.name}: the picture's size could not be read.`, { images: ["Unreadable picture."] });
      const path = `products/${day}/${product!.id}/${file.key.slice(0, 12)}.${file.kind}`;
      if (existing.some((e) => e.path === path)) continue;
      await store.put(file.key, file.bytes, file.contentType);
      await tx.insert(productImages).values({
        productId: product!.id,
        path,
        storageKey: file.key,
        contentType: file.contentType,
        width: size.width,
        height: size.height,
        position: existing.length + i,
      });
    }
    return product!;
  });
}

export interface NewOrderItem {
  orderNumber: string;
  customerId: number;
  productId: number;
  sellerId?: number | null;
  quantity?: number;
  price?: string | null;
  /** The marketplace's sale code ("SC…"), unique. */
  saleCode?: string | null;
  at?: Date;
}

/** One line of a customer's order (the same order number, product and customer is the same line). */
export async function saveOrderItem(db: Db, input: NewOrderItem): Promise<OrderItem> {
  const [found] = await db
    .select()
    .from(orderItems)
    .where(and(eq(orderItems.orderNumber, input.orderNumber), eq(orderItems.customerId, input.customerId), eq(orderItems.productId, input.productId)))
    .limit(1);
  if (found) return found;
  const [row] = await db
    .insert(orderItems)
    .values({
      orderNumber: input.orderNumber,
      customerId: input.customerId,
      productId: input.productId,
      sellerId: input.sellerId ?? null,
      quantity: input.quantity ?? 1,
      price: input.price ?? null,
      saleCode: input.saleCode ?? null,
      createdAt: input.at,
    })
    .returning();
  return row!;
}
