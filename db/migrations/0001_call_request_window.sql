ALTER TABLE "call_request_details" ADD COLUMN "window_start_minutes" integer;--> statement-breakpoint
ALTER TABLE "call_request_details" ADD COLUMN "window_end_minutes" integer;--> statement-breakpoint
CREATE INDEX "call_request_details_window_idx" ON "call_request_details" USING btree ("window_start_minutes","created_at","thread_id");