-- Custom SQL migration file, put your code below! --
-- threads.last_visible_at: when the last message the customer side may see was written (notes excluded).
UPDATE "threads" t SET "last_visible_at" = m.at
FROM (SELECT "thread_id", max("created_at") AS at FROM "messages" WHERE NOT "is_internal" AND "deleted_at" IS NULL GROUP BY "thread_id") m
WHERE m."thread_id" = t."id";
