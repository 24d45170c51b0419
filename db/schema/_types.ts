// Column helpers shared by the schema files.
import { customType, timestamp } from "drizzle-orm/pg-core";

/** A PostgreSQL tsvector; only ever written by a generated column or the database. */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

export const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
