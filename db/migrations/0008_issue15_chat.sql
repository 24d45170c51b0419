CREATE TABLE "chat_messages" (
	"message_id" bigint PRIMARY KEY NOT NULL,
	"message_type" text NOT NULL,
	"side" boolean,
	"author" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "chat_orgs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "chat_orgs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_key" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"products" text[] DEFAULT '{}' NOT NULL,
	"allowed_origins" text[] DEFAULT '{}' NOT NULL,
	"greeting" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_qr_codes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "chat_qr_codes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"qr_key" text NOT NULL,
	"product_name" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chat_details" ADD COLUMN "page_url" text;--> statement-breakpoint
ALTER TABLE "chat_details" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_qr_codes" ADD CONSTRAINT "chat_qr_codes_org_id_chat_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."chat_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chat_orgs_key" ON "chat_orgs" USING btree ("org_key");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_qr_codes_key" ON "chat_qr_codes" USING btree ("org_id","qr_key");--> statement-breakpoint
CREATE INDEX "chat_qr_codes_org_idx" ON "chat_qr_codes" USING btree ("org_id","id");