// What conversations are about: products (name, SKU, images) and the order items customers bought.
// Reference data the commerce backend owns; we keep what the conversations API's `item_object`
// answers and what the inbox and the portal show.
import { bigint, index, integer, numeric, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt } from "./_types";
import { customers, sellers } from "./users";

export const products = pgTable(
  "products",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    /** The seller that lists it (a product page's questions go to this seller). */
    sellerId: bigint("seller_id", { mode: "number" }).references(() => sellers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("products_sku_key").on(t.sku), index("products_seller_idx").on(t.sellerId)],
);
export type Product = typeof products.$inferSelect;

/** A product's picture: its bytes in the file store (by content), served publicly at /media/<path>. */
export const productImages = pgTable(
  "product_images",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    productId: bigint("product_id", { mode: "number" })
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** The path under /media/ (the API's `image`), e.g. products/2026/01/15/7/3fa2c1d0.png. */
    path: text("path").notNull(),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("product_images_path_key").on(t.path), index("product_images_product_idx").on(t.productId, t.position)],
);
export type ProductImage = typeof productImages.$inferSelect;

/** One line of a customer's order: what a question about an order item refers to. */
export const orderItems = pgTable(
  "order_items",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    orderNumber: text("order_number").notNull(),
    customerId: bigint("customer_id", { mode: "number" })
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    sellerId: bigint("seller_id", { mode: "number" }).references(() => sellers.id, { onDelete: "set null" }),
    productId: bigint("product_id", { mode: "number" })
      .notNull()
      .references(() => products.id),
    quantity: integer("quantity").notNull().default(1),
    price: numeric("price", { precision: 12, scale: 2 }),
    /** The marketplace's sale code of this line ("SC…"): a seller names the buyer by it (SOAP postConversation). */
    saleCode: text("sale_code"),
    createdAt: createdAt(),
  },
  (t) => [
    index("order_items_customer_idx").on(t.customerId, t.createdAt),
    index("order_items_order_idx").on(t.orderNumber),
    uniqueIndex("order_items_sale_code_key").on(t.saleCode),
  ],
);
export type OrderItem = typeof orderItems.$inferSelect;
