-- Issue 5, ADR 8: a search that matches half the notes reads each match's row of note_search to count it and its
-- facets, so that row keeps the facts every match is read for in small values:
--   * the single-valued facets (type, language, licence, year, community) become one code of note_search_facets,
--     which holds each combination once: counting groups the matches by one integer, and a filter picks codes;
--   * status, visibility and deletion become one number, reach (schema/search.ts REACH), which the visibility rule
--     compares for every match;
--   * fixed-width columns come first, and the title vector may leave a long row for TOAST like the document.
-- Measured at 100,000 notes on PostgreSQL: counting the 36,862 matches of "file" with every facet took 43 ms, and
-- 31 ms in this shape. The table is built again (dropped columns would stay in the old rows until rewritten).
DROP TABLE "note_search";--> statement-breakpoint
CREATE TABLE "note_search_facets" (
	"code" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "note_search_facets_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"language" text NOT NULL,
	"licence" text NOT NULL,
	"year" smallint,
	"community_id" text,
	CONSTRAINT "note_search_facets_key" UNIQUE NULLS NOT DISTINCT("type","language","licence","year","community_id")
);
--> statement-breakpoint
-- Fixed-width columns first, so that reading the facts of a row needs no walk over its variable-length values.
CREATE TABLE "note_search" (
	"facets" integer NOT NULL,
	"reach" smallint NOT NULL,
	"prior" real NOT NULL,
	"recent_at" timestamp with time zone NOT NULL,
	"note_id" text PRIMARY KEY NOT NULL,
	"config" text NOT NULL,
	"community_id" text,
	"author_id" text,
	"notebook_id" text,
	"other_author_ids" text[],
	"other_notebook_ids" text[],
	"title_key" text NOT NULL,
	"title_vector" "tsvector" NOT NULL,
	"content" text NOT NULL,
	"document" "tsvector" NOT NULL
) WITH (toast_tuple_target = 128, fillfactor = 90);
--> statement-breakpoint
-- As in migration 0008: the facts stay in the row (PLAIN or MAIN). PostgreSQL moves values to TOAST only from a row
-- past 2 kB, then until the row is under toast_tuple_target: the text kept for snippets (content) takes nearly every
-- row past 2 kB, and then it, the document vector and the title vector leave the row (the title key stays, for the
-- trigram matching of typos and suggestions, which checks every candidate's).
ALTER TABLE "note_search" ALTER COLUMN "note_id" SET STORAGE PLAIN, ALTER COLUMN "config" SET STORAGE PLAIN,
	ALTER COLUMN "community_id" SET STORAGE PLAIN, ALTER COLUMN "author_id" SET STORAGE PLAIN,
	ALTER COLUMN "notebook_id" SET STORAGE PLAIN, ALTER COLUMN "other_author_ids" SET STORAGE MAIN,
	ALTER COLUMN "other_notebook_ids" SET STORAGE MAIN, ALTER COLUMN "title_key" SET STORAGE MAIN;
--> statement-breakpoint
ALTER TABLE "note_search" ADD CONSTRAINT "note_search_note_id_note_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."note"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_search" ADD CONSTRAINT "note_search_facets_note_search_facets_code_fk" FOREIGN KEY ("facets") REFERENCES "public"."note_search_facets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "note_search_document_fr_idx" ON "note_search" USING gin ("document") WITH (gin_pending_list_limit=1024) WHERE config = 'fr';--> statement-breakpoint
CREATE INDEX "note_search_document_en_idx" ON "note_search" USING gin ("document") WITH (gin_pending_list_limit=1024) WHERE config = 'en';--> statement-breakpoint
CREATE INDEX "note_search_document_simple_idx" ON "note_search" USING gin ("document") WITH (gin_pending_list_limit=1024) WHERE config = 'simple';--> statement-breakpoint
CREATE INDEX "note_search_short_fr_idx" ON "note_search" USING gin ("document") WITH (gin_pending_list_limit=1024) WHERE config = 'fr' and prior >= -4.1::real;--> statement-breakpoint
CREATE INDEX "note_search_short_en_idx" ON "note_search" USING gin ("document") WITH (gin_pending_list_limit=1024) WHERE config = 'en' and prior >= -4.1::real;--> statement-breakpoint
CREATE INDEX "note_search_short_simple_idx" ON "note_search" USING gin ("document") WITH (gin_pending_list_limit=1024) WHERE config = 'simple' and prior >= -4.1::real;--> statement-breakpoint
CREATE INDEX "note_search_notebook_idx" ON "note_search" USING btree ("notebook_id");--> statement-breakpoint
CREATE INDEX "note_search_other_notebooks_idx" ON "note_search" USING gin ("other_notebook_ids");--> statement-breakpoint
CREATE INDEX "note_search_author_idx" ON "note_search" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "note_search_other_authors_idx" ON "note_search" USING gin ("other_author_ids");--> statement-breakpoint
CREATE INDEX "note_search_facets_idx" ON "note_search" USING btree ("facets");--> statement-breakpoint
CREATE INDEX "note_search_recent_idx" ON "note_search" USING btree ("recent_at" DESC NULLS LAST,"note_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "note_search_title_vector_fr_idx" ON "note_search" USING gin ("title_vector") WHERE config = 'fr';--> statement-breakpoint
CREATE INDEX "note_search_title_vector_en_idx" ON "note_search" USING gin ("title_vector") WHERE config = 'en';--> statement-breakpoint
CREATE INDEX "note_search_title_vector_simple_idx" ON "note_search" USING gin ("title_vector") WHERE config = 'simple';--> statement-breakpoint
CREATE INDEX "note_search_title_key_idx" ON "note_search" USING gin ("title_key" gin_trgm_ops);--> statement-breakpoint
-- Who may see a note (schema/search.ts REACH), from the facts canViewNote reads other than its authors and community.
CREATE FUNCTION "commonplace_search_reach"(status text, visibility text, deleted boolean) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT (CASE WHEN deleted THEN 3 WHEN status = 'published' AND visibility = 'public' THEN 0
		WHEN status = 'published' AND visibility = 'community' THEN 1 ELSE 2 END)::smallint
$$;
--> statement-breakpoint
-- Adds the facet combinations of these notes not yet coded. Codes are never removed: one no note uses counts nothing.
CREATE FUNCTION "commonplace_note_search_code"(ids text[]) RETURNS void LANGUAGE sql AS $$
	INSERT INTO note_search_facets (type, language, licence, year, community_id)
	SELECT DISTINCT n.type, n.language, n.licence, extract(year FROM n.published_at AT TIME ZONE 'UTC')::smallint, n.community_id
	FROM note n WHERE n.id = ANY(ids)
	ON CONFLICT DO NOTHING
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "commonplace_note_search_refresh"(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	PERFORM commonplace_note_search_code(ids);
	WITH d AS (
		SELECT n.id, c.config,
			v.title || v.synonyms || commonplace_search_marker(c.config) AS title_vector,
			setweight(v.title, 'A')
				|| setweight(to_tsvector(c.rc, concat_ws(' ', n.summary, n.term_definition)) || v.synonyms, 'B')
				|| setweight(to_tsvector(c.rc, p.body), 'C')
				|| setweight(to_tsvector(c.rc, p.org), 'D')
				|| commonplace_search_marker(c.config) AS document,
			left(translate(concat_ws(E'\n', nullif(n.summary, ''), n.term_definition, array_to_string(n.term_synonyms, ', '),
				nullif(p.body, ''), nullif(p.org, '')), U&'\E000\E001', ''), 4000) AS content,
			commonplace_search_key(n.title) AS title_key,
			f.code AS facets,
			commonplace_search_reach(n.status, n.visibility, n.deleted_at IS NOT NULL) AS reach,
			n.community_id,
			coalesce((SELECT array_agg(a.account_id ORDER BY a.position, a.account_id) FROM note_author a
				WHERE a.note_id = n.id AND a.status = 'active'), '{}') AS author_ids,
			coalesce((SELECT array_agg(nn.notebook_id ORDER BY nn.notebook_id) FROM notebook_note nn WHERE nn.note_id = n.id), '{}') AS notebook_ids,
			coalesce(n.published_at, n.updated_at) AS recent_at
		FROM note n
		CROSS JOIN LATERAL (SELECT commonplace_search_config(n.language) AS config) k
		CROSS JOIN LATERAL (SELECT k.config, commonplace_search_regconfig(k.config) AS rc) c
		CROSS JOIN LATERAL (SELECT commonplace_search_plain(n.body) AS body,
			concat_ws(' · ', n.org_sector, n.org_region, n.org_address, n.org_contact, n.org_website) AS org) p
		CROSS JOIN LATERAL (SELECT to_tsvector(c.rc, n.title) AS title,
			to_tsvector(c.rc, array_to_string(coalesce(n.term_synonyms, '{}'), ' ')) AS synonyms) v
		JOIN note_search_facets f ON f.type = n.type AND f.language = n.language AND f.licence = n.licence
			AND f.year IS NOT DISTINCT FROM extract(year FROM n.published_at AT TIME ZONE 'UTC')::smallint
			AND f.community_id IS NOT DISTINCT FROM n.community_id
		WHERE n.id = ANY(ids)
	)
	INSERT INTO note_search AS s (note_id, facets, reach, prior, recent_at, config, community_id, author_id, notebook_id,
		other_author_ids, other_notebook_ids, title_key, title_vector, content, document)
	SELECT d.id, d.facets, d.reach, -ln(2 + length(d.document)), d.recent_at, d.config, d.community_id, d.author_ids[1],
		d.notebook_ids[1], nullif(d.author_ids[2:], '{}'), nullif(d.notebook_ids[2:], '{}'), d.title_key, d.title_vector,
		d.content, d.document
	FROM d
	ON CONFLICT (note_id) DO UPDATE SET facets = excluded.facets, reach = excluded.reach, prior = excluded.prior,
		recent_at = excluded.recent_at, config = excluded.config, community_id = excluded.community_id,
		author_id = excluded.author_id, notebook_id = excluded.notebook_id, other_author_ids = excluded.other_author_ids,
		other_notebook_ids = excluded.other_notebook_ids, title_key = excluded.title_key, title_vector = excluded.title_vector,
		content = excluded.content, document = excluded.document;
END
$$;
--> statement-breakpoint
-- An edit of the text rebuilds the vectors; a change of type, licence, status, visibility, community, deletion or
-- dates (publishing, unpublishing, deleting) only recodes those facts, without parsing the body again.
CREATE OR REPLACE FUNCTION "commonplace_note_search_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM commonplace_note_search_refresh(ARRAY(
		SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
		WHERE (n.title, n.summary, n.body, n.language, n.term_definition, n.term_synonyms, n.org_region, n.org_sector,
			n.org_address, n.org_contact, n.org_website)
			IS DISTINCT FROM (o.title, o.summary, o.body, o.language, o.term_definition, o.term_synonyms, o.org_region,
			o.org_sector, o.org_address, o.org_contact, o.org_website)));
	PERFORM commonplace_note_search_code(ARRAY(SELECT id FROM new_rows));
	UPDATE note_search s SET facets = f.code, reach = commonplace_search_reach(n.status, n.visibility, n.deleted_at IS NOT NULL),
		community_id = n.community_id, recent_at = coalesce(n.published_at, n.updated_at)
	FROM new_rows n
	JOIN note_search_facets f ON f.type = n.type AND f.language = n.language AND f.licence = n.licence
		AND f.year IS NOT DISTINCT FROM extract(year FROM n.published_at AT TIME ZONE 'UTC')::smallint
		AND f.community_id IS NOT DISTINCT FROM n.community_id
	WHERE s.note_id = n.id
		AND (s.facets, s.reach, s.community_id, s.recent_at)
			IS DISTINCT FROM (f.code, commonplace_search_reach(n.status, n.visibility, n.deleted_at IS NOT NULL), n.community_id,
			coalesce(n.published_at, n.updated_at));
	RETURN NULL;
END
$$;
--> statement-breakpoint
-- The rule of migration 0004: every table notifies (these change only with the tables that already do).
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "note_search" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "note_search_facets" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
SELECT commonplace_note_search_refresh(ARRAY(SELECT id FROM note));
