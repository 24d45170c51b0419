ALTER TABLE "messages" ADD COLUMN "email_sent_at" timestamp with time zone;--> statement-breakpoint
-- Mail that went out before this column existed carries its Message-ID: count it as sent.
UPDATE "messages" SET "email_sent_at" = "created_at" WHERE "email_message_id" IS NOT NULL;
