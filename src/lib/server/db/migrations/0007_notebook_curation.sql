CREATE TABLE "notebook_invitation" (
	"notebook_id" text NOT NULL,
	"account_id" text NOT NULL,
	"role" text NOT NULL,
	"invited_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notebook_invitation_notebook_id_account_id_pk" PRIMARY KEY("notebook_id","account_id")
);
--> statement-breakpoint
ALTER TABLE "note" ADD COLUMN "external_authors" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "notebook" ADD COLUMN "cover_key" text;--> statement-breakpoint
ALTER TABLE "notebook" ADD COLUMN "cover_alt" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "notebook_invitation" ADD CONSTRAINT "notebook_invitation_notebook_id_notebook_id_fk" FOREIGN KEY ("notebook_id") REFERENCES "public"."notebook"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notebook_invitation" ADD CONSTRAINT "notebook_invitation_account_id_user_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notebook_invitation" ADD CONSTRAINT "notebook_invitation_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notebook_invitation_account_idx" ON "notebook_invitation" USING btree ("account_id");