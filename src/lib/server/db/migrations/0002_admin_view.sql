CREATE TABLE "admin_view" (
	"id" text PRIMARY KEY NOT NULL,
	"admin_id" text NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" text NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admin_view" ADD CONSTRAINT "admin_view_admin_id_user_id_fk" FOREIGN KEY ("admin_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_view_resource_idx" ON "admin_view" USING btree ("resource_type","resource_id");--> statement-breakpoint
CREATE INDEX "admin_view_admin_idx" ON "admin_view" USING btree ("admin_id","viewed_at");