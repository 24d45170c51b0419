ALTER TABLE "user_settings" ADD COLUMN "theme" text DEFAULT 'system' NOT NULL;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "ui_locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "call_request_details" ADD COLUMN "window_date" date;--> statement-breakpoint
ALTER TABLE "call_request_details" ADD COLUMN "window_zone" text;--> statement-breakpoint
ALTER TABLE "call_request_details" ADD COLUMN "window_starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "call_request_details" ADD COLUMN "window_ends_at" timestamp with time zone;