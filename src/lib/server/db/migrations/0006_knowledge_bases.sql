CREATE TABLE "knowledge_base" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"visibility" text NOT NULL,
	"community_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "knowledge_base_member" (
	"knowledge_base_id" text NOT NULL,
	"account_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_base_member_knowledge_base_id_account_id_pk" PRIMARY KEY("knowledge_base_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_base_notebook" (
	"knowledge_base_id" text NOT NULL,
	"notebook_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"added_by" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_base_notebook_knowledge_base_id_notebook_id_pk" PRIMARY KEY("knowledge_base_id","notebook_id")
);
--> statement-breakpoint
ALTER TABLE "knowledge_base" ADD CONSTRAINT "knowledge_base_community_id_community_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."community"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_base" ADD CONSTRAINT "knowledge_base_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_base_member" ADD CONSTRAINT "knowledge_base_member_knowledge_base_id_knowledge_base_id_fk" FOREIGN KEY ("knowledge_base_id") REFERENCES "public"."knowledge_base"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_base_member" ADD CONSTRAINT "knowledge_base_member_account_id_user_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_base_notebook" ADD CONSTRAINT "knowledge_base_notebook_knowledge_base_id_knowledge_base_id_fk" FOREIGN KEY ("knowledge_base_id") REFERENCES "public"."knowledge_base"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_base_notebook" ADD CONSTRAINT "knowledge_base_notebook_notebook_id_notebook_id_fk" FOREIGN KEY ("notebook_id") REFERENCES "public"."notebook"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_base_notebook" ADD CONSTRAINT "knowledge_base_notebook_added_by_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_base_community_idx" ON "knowledge_base" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "knowledge_base_member_account_idx" ON "knowledge_base_member" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "knowledge_base_notebook_notebook_idx" ON "knowledge_base_notebook" USING btree ("notebook_id");--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "knowledge_base" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "knowledge_base_member" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "knowledge_base_notebook" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
