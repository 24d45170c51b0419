// Reads of API credentials for the admin page (never the secrets).
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiCredentials, sellers, users } from "@/db/schema";

export async function findApiCredentials(db: Db) {
  return db
    .select({
      id: apiCredentials.id,
      kind: apiCredentials.kind,
      name: apiCredentials.name,
      keyPrefix: apiCredentials.keyPrefix,
      scopes: apiCredentials.scopes,
      createdAt: apiCredentials.createdAt,
      lastUsedAt: apiCredentials.lastUsedAt,
      revokedAt: apiCredentials.revokedAt,
      userEmail: users.email,
      sellerTitle: sellers.title,
    })
    .from(apiCredentials)
    .leftJoin(users, eq(users.id, apiCredentials.userId))
    .leftJoin(sellers, eq(sellers.id, apiCredentials.sellerId))
    .orderBy(desc(apiCredentials.createdAt));
}
