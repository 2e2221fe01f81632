CREATE TABLE "notebook" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"visibility" text NOT NULL,
	"community_id" text,
	"category_lists" text[] DEFAULT '{}'::text[] NOT NULL,
	"guide" text DEFAULT '' NOT NULL,
	"toc_note_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notebook_category" (
	"id" text PRIMARY KEY NOT NULL,
	"notebook_id" text NOT NULL,
	"list" smallint DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notebook_member" (
	"notebook_id" text NOT NULL,
	"account_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notebook_member_notebook_id_account_id_pk" PRIMARY KEY("notebook_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "notebook_note" (
	"notebook_id" text NOT NULL,
	"note_id" text NOT NULL,
	"included_by" text,
	"included_at" timestamp with time zone DEFAULT now() NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	CONSTRAINT "notebook_note_notebook_id_note_id_pk" PRIMARY KEY("notebook_id","note_id")
);
--> statement-breakpoint
CREATE TABLE "notebook_note_category" (
	"notebook_id" text NOT NULL,
	"note_id" text NOT NULL,
	"list" smallint NOT NULL,
	"category_id" text NOT NULL,
	CONSTRAINT "notebook_note_category_notebook_id_note_id_list_pk" PRIMARY KEY("notebook_id","note_id","list")
);
--> statement-breakpoint
ALTER TABLE "notebook" ADD CONSTRAINT "notebook_community_id_community_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."community"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notebook" ADD CONSTRAINT "notebook_toc_note_id_note_id_fk" FOREIGN KEY ("toc_note_id") REFERENCES "public"."note"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notebook" ADD CONSTRAINT "notebook_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notebook_category" ADD CONSTRAINT "notebook_category_notebook_id_notebook_id_fk" FOREIGN KEY ("notebook_id") REFERENCES "public"."notebook"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notebook_member" ADD CONSTRAINT "notebook_member_notebook_id_notebook_id_fk" FOREIGN KEY ("notebook_id") REFERENCES "public"."notebook"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notebook_member" ADD CONSTRAINT "notebook_member_account_id_user_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notebook_note" ADD CONSTRAINT "notebook_note_notebook_id_notebook_id_fk" FOREIGN KEY ("notebook_id") REFERENCES "public"."notebook"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notebook_note" ADD CONSTRAINT "notebook_note_note_id_note_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."note"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notebook_note" ADD CONSTRAINT "notebook_note_included_by_user_id_fk" FOREIGN KEY ("included_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notebook_note_category" ADD CONSTRAINT "notebook_note_category_category_id_notebook_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."notebook_category"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notebook_note_category" ADD CONSTRAINT "notebook_note_category_notebook_id_note_id_notebook_note_notebook_id_note_id_fk" FOREIGN KEY ("notebook_id","note_id") REFERENCES "public"."notebook_note"("notebook_id","note_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notebook_community_idx" ON "notebook" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "notebook_category_notebook_idx" ON "notebook_category" USING btree ("notebook_id","list","position");--> statement-breakpoint
CREATE INDEX "notebook_member_account_idx" ON "notebook_member" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "notebook_note_note_idx" ON "notebook_note" USING btree ("note_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notebook_note_category_category_idx" ON "notebook_note_category" USING btree ("category_id","note_id");--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "notebook" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "notebook_member" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "notebook_category" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "notebook_note" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "notebook_note_category" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
