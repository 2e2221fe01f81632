-- The anonymous page cache (src/lib/server/page-cache) empties itself whenever a table that pages show changes, in
-- every process sharing this database: app instances, the import CLI, psql. PostgreSQL delivers a NOTIFY only after
-- commit, folds identical ones within a transaction into one, and delivers it to the sending session too, before the
-- COMMIT returns (on PGlite as well): the writing process drops its cache before it answers the writer.
-- Session, account, verification, rate_limit, api_token and admin_view have no trigger on purpose: sign-ins and token
-- use are frequent and change no page. A new table that a page shows needs this trigger
-- (src/lib/server/db/notify-triggers.test.ts fails until it has it or is listed as invisible there).
CREATE FUNCTION "commonplace_pages_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('commonplace_pages', '');
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "note" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "note_author" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "note_revision" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "note_link" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "attachment" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "profile" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "user" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "community" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "membership" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "community_invitation" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
