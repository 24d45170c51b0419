CREATE TABLE "soap_request_signatures" (
	"credential_id" bigint NOT NULL,
	"time" bigint NOT NULL,
	"sign" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "soap_request_signatures_credential_id_time_sign_pk" PRIMARY KEY("credential_id","time","sign")
);
--> statement-breakpoint
ALTER TABLE "api_credentials" ADD COLUMN "role_name" text;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "sale_code" text;--> statement-breakpoint
ALTER TABLE "soap_request_signatures" ADD CONSTRAINT "soap_request_signatures_credential_id_api_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."api_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "soap_request_signatures_created_idx" ON "soap_request_signatures" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "threads_conversation_seller_activity_idx" ON "threads" USING btree ("seller_id",coalesce("last_visible_at", "created_at") desc,"id" DESC NULLS FIRST) WHERE "threads"."channel" = 'conversation' and "threads"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "conversation_details_seller_hidden_idx" ON "conversation_details" USING btree ("thread_id") WHERE "conversation_details"."seller_hidden_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "api_credentials_role_name_key" ON "api_credentials" USING btree ("role_name");--> statement-breakpoint
CREATE UNIQUE INDEX "order_items_sale_code_key" ON "order_items" USING btree ("sale_code");