CREATE TABLE "attachment" (
	"id" text PRIMARY KEY NOT NULL,
	"note_id" text NOT NULL,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"alt_text" text DEFAULT '' NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachment_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "note" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text DEFAULT 'general' NOT NULL,
	"title" text NOT NULL,
	"slug" text NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"licence" text NOT NULL,
	"visibility" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"community_id" text,
	"current_revision_id" text,
	"term_definition" text,
	"term_synonyms" text[],
	"org_website" text,
	"org_region" text,
	"org_sector" text,
	"org_address" text,
	"org_contact" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "note_author" (
	"note_id" text NOT NULL,
	"account_id" text NOT NULL,
	"position" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"invited_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "note_author_note_id_account_id_pk" PRIMARY KEY("note_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "note_link" (
	"from_note_id" text NOT NULL,
	"to_note_id" text NOT NULL,
	CONSTRAINT "note_link_from_note_id_to_note_id_pk" PRIMARY KEY("from_note_id","to_note_id")
);
--> statement-breakpoint
CREATE TABLE "note_revision" (
	"id" text PRIMARY KEY NOT NULL,
	"note_id" text NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"editor_id" text,
	"message" text DEFAULT '' NOT NULL,
	"base_revision_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_note_id_note_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."note"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note" ADD CONSTRAINT "note_community_id_community_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."community"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_author" ADD CONSTRAINT "note_author_note_id_note_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."note"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_author" ADD CONSTRAINT "note_author_account_id_user_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_author" ADD CONSTRAINT "note_author_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_link" ADD CONSTRAINT "note_link_from_note_id_note_id_fk" FOREIGN KEY ("from_note_id") REFERENCES "public"."note"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_link" ADD CONSTRAINT "note_link_to_note_id_note_id_fk" FOREIGN KEY ("to_note_id") REFERENCES "public"."note"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_revision" ADD CONSTRAINT "note_revision_note_id_note_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."note"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_revision" ADD CONSTRAINT "note_revision_editor_id_user_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachment_note_idx" ON "attachment" USING btree ("note_id");--> statement-breakpoint
CREATE INDEX "note_community_idx" ON "note" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "note_listing_idx" ON "note" USING btree ("status","visibility","published_at");--> statement-breakpoint
CREATE INDEX "note_title_lower_idx" ON "note" USING btree (lower("title"));--> statement-breakpoint
CREATE INDEX "note_author_account_idx" ON "note_author" USING btree ("account_id","status");--> statement-breakpoint
CREATE INDEX "note_link_to_idx" ON "note_link" USING btree ("to_note_id");--> statement-breakpoint
CREATE UNIQUE INDEX "note_revision_number_idx" ON "note_revision" USING btree ("note_id","number");