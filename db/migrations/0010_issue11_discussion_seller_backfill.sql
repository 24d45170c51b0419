-- Each discussion's seller beside its external reference, so the reference is unique per seller
-- (another seller's discussion with the same reference is no conflict, and never revealed).
UPDATE "discussion_details" d SET "seller_id" = t."seller_id" FROM "threads" t WHERE t."id" = d."thread_id" AND d."seller_id" IS NULL;
