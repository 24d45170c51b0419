ALTER TABLE "call_request_details" ADD COLUMN "window_start_minutes" integer;--> statement-breakpoint
ALTER TABLE "call_request_details" ADD COLUMN "window_end_minutes" integer;--> statement-breakpoint
CREATE INDEX "call_request_details_queue_idx" ON "call_request_details" USING btree (coalesce("window_start_minutes", 1441),"created_at","thread_id");--> statement-breakpoint
CREATE INDEX "call_request_details_created_idx" ON "call_request_details" USING btree ("created_at","thread_id");