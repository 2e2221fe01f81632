CREATE TABLE "note_search" (
	"note_id" text PRIMARY KEY NOT NULL,
	"config" text NOT NULL,
	"title_vector" "tsvector" NOT NULL,
	"document" "tsvector" NOT NULL,
	"content" text NOT NULL,
	"title_key" text NOT NULL,
	"type" text NOT NULL,
	"language" text NOT NULL,
	"licence" text NOT NULL,
	"status" text NOT NULL,
	"visibility" text NOT NULL,
	"community_id" text,
	"deleted" boolean NOT NULL,
	"author_id" text,
	"other_author_ids" text[],
	"notebook_id" text,
	"other_notebook_ids" text[],
	"year" smallint,
	"recent_at" timestamp with time zone NOT NULL,
	"prior" real NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_search_queue" (
	"note_id" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "note_search" ADD CONSTRAINT "note_search_note_id_note_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."note"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "note_search_document_idx" ON "note_search" USING gin ("document") WITH (gin_pending_list_limit=1024);--> statement-breakpoint
CREATE INDEX "note_search_short_idx" ON "note_search" USING gin ("document") WITH (gin_pending_list_limit=1024) WHERE "note_search"."prior" >= -4.1::real;--> statement-breakpoint
CREATE INDEX "note_search_title_vector_idx" ON "note_search" USING gin ("title_vector");--> statement-breakpoint
CREATE INDEX "note_search_title_key_idx" ON "note_search" USING gin ("title_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "note_search_recent_idx" ON "note_search" USING btree ("recent_at" DESC NULLS LAST,"note_id" DESC NULLS LAST);
--> statement-breakpoint
-- Custom SQL (issue 5, docs/adr/0008-search.md): the functions that build and query the search index, and the
-- triggers that keep note_search current. Triggers, not the application, write it, so every write path (forms, API,
-- the batch import's multi-row INSERTs, psql) updates the index in the same transaction as the change itself.
--
-- Rows stay narrow, so that a search matching half the notes reads few pages to count them, all in shared buffers:
-- PostgreSQL toasts a row only past 2 kB, then moves long values out until the row is under toast_tuple_target. The
-- text kept for snippets (content) takes nearly every row past 2 kB, and the target of 128 bytes then moves it and the
-- document vector to TOAST, read only for the candidates a search ranks and the page it shows (measured at 100,000
-- notes: the heap is half as large, and counting the matches of a common word a third faster). The facts every match
-- is counted and filtered by are PLAIN or MAIN, so they stay in the row. The spare tenth of each page lets an update
-- of one note (an author, a notebook) be a HOT update, which touches no index.
ALTER TABLE "note_search" SET (toast_tuple_target = 128, fillfactor = 90);
--> statement-breakpoint
ALTER TABLE "note_search" ALTER COLUMN "note_id" SET STORAGE PLAIN, ALTER COLUMN "config" SET STORAGE PLAIN,
	ALTER COLUMN "type" SET STORAGE PLAIN, ALTER COLUMN "language" SET STORAGE PLAIN, ALTER COLUMN "licence" SET STORAGE PLAIN,
	ALTER COLUMN "status" SET STORAGE PLAIN, ALTER COLUMN "visibility" SET STORAGE PLAIN,
	ALTER COLUMN "community_id" SET STORAGE PLAIN, ALTER COLUMN "title_vector" SET STORAGE MAIN,
	ALTER COLUMN "title_key" SET STORAGE MAIN, ALTER COLUMN "author_id" SET STORAGE PLAIN,
	ALTER COLUMN "other_author_ids" SET STORAGE MAIN, ALTER COLUMN "notebook_id" SET STORAGE PLAIN,
	ALTER COLUMN "other_notebook_ids" SET STORAGE MAIN;
--> statement-breakpoint
-- Which text search configuration (migration 0000) stems a note: by its language, French and English, else simple.
CREATE FUNCTION "commonplace_search_config"(language text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE
		WHEN language = 'fr' OR language LIKE 'fr-%' THEN 'fr'
		WHEN language = 'en' OR language LIKE 'en-%' THEN 'en'
		ELSE 'simple'
	END
$$;
--> statement-breakpoint
CREATE FUNCTION "commonplace_search_regconfig"(config text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE config WHEN 'fr' THEN 'public.fr_unaccent'::regconfig WHEN 'en' THEN 'public.en_unaccent'::regconfig ELSE 'public.simple_unaccent'::regconfig END
$$;
--> statement-breakpoint
-- Every document carries a marker lexeme of its configuration, and the query asks, per configuration, for the words
-- as that configuration parses them AND its marker: one GIN scan then matches each note against its own language's
-- parse, so a French stem never matches an English note and "-word" excludes exactly. The text parser never makes a
-- lexeme with a space, so no word of a note can pass for a marker.
CREATE FUNCTION "commonplace_search_marker"(config text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT array_to_tsvector(ARRAY['cfg ' || config])
$$;
--> statement-breakpoint
-- The words a reader sees in a Markdown body: a wiki link's label, a link's text, no URLs of links, no markup (other
-- than a lone < or >, which may be text). The
-- two private-use characters that mark highlights in snippets (search/snippets.ts) are dropped from every text, so
-- no note can forge a highlight.
CREATE FUNCTION "commonplace_search_plain"(md text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT regexp_replace(
		regexp_replace(
			regexp_replace(
				regexp_replace(
					regexp_replace(translate(coalesce(md, ''), U&'\E000\E001', ''), '\[\[id:[^|\]]*\|([^\]]*)\]\]', '\1', 'g'),
					'\[\[([^\]|]*)(\|[^\]]*)?\]\]', '\1', 'g'),
				'!?\[([^\]]*)\]\([^)]*\)', '\1', 'g'),
			'(^|\n)[ \t]*(#{1,6}|>+)[ \t]*', '\1', 'g'),
		'[*_`|~]+', ' ', 'g')
$$;
--> statement-breakpoint
-- Titles compared accents and case aside: trigram matching of titles with typos, exact-title matches.
CREATE FUNCTION "commonplace_search_key"(t text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT lower(unaccent(coalesce(t, '')))
$$;
--> statement-breakpoint
-- A query in web search syntax ("phrase", -word, OR) as each configuration parses it, for ranking and snippets.
CREATE FUNCTION "commonplace_search_parse"(config text, q text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT websearch_to_tsquery(commonplace_search_regconfig(config), q)
$$;
--> statement-breakpoint
-- The query that matches note_search.document and title_vector: each configuration's parse AND its marker, ORed. A
-- parse left empty (only stop words in that language) is dropped, or its marker alone would match all its notes; with
-- no word left at all the query is NULL, which matches nothing.
CREATE FUNCTION "commonplace_search_query"(q text) RETURNS tsquery LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	config text;
	parsed tsquery;
	result tsquery;
BEGIN
	FOREACH config IN ARRAY ARRAY['fr', 'en', 'simple'] LOOP
		parsed := commonplace_search_parse(config, q);
		IF numnode(parsed) > 0 THEN
			parsed := parsed && quote_literal('cfg ' || config)::tsquery;
			result := CASE WHEN result IS NULL THEN parsed ELSE result || parsed END;
		END IF;
	END LOOP;
	RETURN result;
END
$$;
--> statement-breakpoint
-- Notebooks, communities and people have no language: their vector holds every word as French, English and simple
-- parse it, and the query is the three parses ORed. A word in the text is then present in all three forms, so both a
-- match and an exclusion hold whichever parse the reader's words fit.
CREATE FUNCTION "commonplace_search_any"(name text, other text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT setweight(to_tsvector('public.fr_unaccent'::regconfig, coalesce(name, '')), 'A')
		|| setweight(to_tsvector('public.fr_unaccent'::regconfig, coalesce(other, '')), 'B')
		|| setweight(to_tsvector('public.en_unaccent'::regconfig, coalesce(name, '')), 'A')
		|| setweight(to_tsvector('public.en_unaccent'::regconfig, coalesce(other, '')), 'B')
		|| setweight(to_tsvector('public.simple_unaccent'::regconfig, coalesce(name, '')), 'A')
		|| setweight(to_tsvector('public.simple_unaccent'::regconfig, coalesce(other, '')), 'B')
$$;
--> statement-breakpoint
CREATE FUNCTION "commonplace_search_query_any"(q text) RETURNS tsquery LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	config text;
	parsed tsquery;
	result tsquery;
BEGIN
	FOREACH config IN ARRAY ARRAY['fr', 'en', 'simple'] LOOP
		parsed := commonplace_search_parse(config, q);
		IF numnode(parsed) > 0 THEN
			result := CASE WHEN result IS NULL THEN parsed ELSE result || parsed END;
		END IF;
	END LOOP;
	RETURN result;
END
$$;
--> statement-breakpoint
-- Index builds, VACUUM and ANALYZE run functions with search_path = pg_catalog (PostgreSQL 17 and later, so PGlite):
-- every name in the functions an index uses is qualified.
CREATE INDEX "notebook_search_idx" ON "notebook" USING gin (commonplace_search_any("title", "description"));
--> statement-breakpoint
CREATE INDEX "community_search_idx" ON "community" USING gin (commonplace_search_any("name", "description"));
--> statement-breakpoint
CREATE INDEX "profile_search_idx" ON "profile" USING gin (commonplace_search_any("display_name" || ' ' || "handle", "organisation" || ' ' || "bio"));
--> statement-breakpoint
-- (Re)writes the index rows of these notes from the notes, their active authors and their notebooks.
CREATE FUNCTION "commonplace_note_search_refresh"(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO note_search AS s (note_id, config, title_vector, document, content, title_key, type, language, licence,
		status, visibility, community_id, deleted, author_id, other_author_ids, notebook_id, other_notebook_ids, year,
		recent_at, prior)
	SELECT d.id, d.config, d.title_vector, d.document, d.content, d.title_key, d.type, d.language, d.licence, d.status,
		d.visibility, d.community_id, d.deleted, d.author_ids[1], nullif(d.author_ids[2:], '{}'), d.notebook_ids[1],
		nullif(d.notebook_ids[2:], '{}'), d.year, d.recent_at, -ln(2 + length(d.document))
	FROM (
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
			n.type, n.language, n.licence, n.status, n.visibility, n.community_id, n.deleted_at IS NOT NULL AS deleted,
			coalesce((SELECT array_agg(a.account_id ORDER BY a.position, a.account_id) FROM note_author a
				WHERE a.note_id = n.id AND a.status = 'active'), '{}') AS author_ids,
			coalesce((SELECT array_agg(nn.notebook_id ORDER BY nn.notebook_id) FROM notebook_note nn WHERE nn.note_id = n.id), '{}') AS notebook_ids,
			extract(year FROM n.published_at AT TIME ZONE 'UTC')::smallint AS year,
			coalesce(n.published_at, n.updated_at) AS recent_at
		FROM note n
		CROSS JOIN LATERAL (SELECT commonplace_search_config(n.language) AS config) k
		CROSS JOIN LATERAL (SELECT k.config, commonplace_search_regconfig(k.config) AS rc) c
		CROSS JOIN LATERAL (SELECT commonplace_search_plain(n.body) AS body,
			concat_ws(' · ', n.org_sector, n.org_region, n.org_address, n.org_contact, n.org_website) AS org) p
		CROSS JOIN LATERAL (SELECT to_tsvector(c.rc, n.title) AS title,
			to_tsvector(c.rc, array_to_string(coalesce(n.term_synonyms, '{}'), ' ')) AS synonyms) v
		WHERE n.id = ANY(ids)
	) d
	ON CONFLICT (note_id) DO UPDATE SET config = excluded.config, title_vector = excluded.title_vector,
		document = excluded.document, content = excluded.content, title_key = excluded.title_key, type = excluded.type,
		language = excluded.language, licence = excluded.licence, status = excluded.status, visibility = excluded.visibility,
		community_id = excluded.community_id, deleted = excluded.deleted, author_id = excluded.author_id,
		other_author_ids = excluded.other_author_ids, notebook_id = excluded.notebook_id,
		other_notebook_ids = excluded.other_notebook_ids, year = excluded.year, recent_at = excluded.recent_at,
		prior = excluded.prior;
END
$$;
--> statement-breakpoint
-- A new note is indexed when its transaction commits, once its authors and notebooks are written too: the batch import
-- inserts notes, then their authors, then their inclusions, and indexing each note at its insert would rewrite its
-- row twice. The insert queues the notes (note_search_queue); at commit, the first of the queue's deferred triggers
-- indexes the whole queue in one statement and empties it, and the others find nothing left to do. Each transaction
-- sees only its own queue. Any change after the insert is applied at once, by the triggers below.
CREATE FUNCTION "commonplace_note_search_queued"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO note_search_queue (note_id) SELECT id FROM new_rows ON CONFLICT DO NOTHING;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "commonplace_note_search_dequeued"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM note_search_queue WHERE note_id = NEW.note_id) THEN
		PERFORM commonplace_note_search_refresh(ARRAY(SELECT note_id FROM note_search_queue));
		DELETE FROM note_search_queue;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
-- An edit of the text rebuilds the vectors; a change of status, visibility, community, deletion or dates (publishing,
-- unpublishing, deleting) only copies those facts, without parsing the body again.
CREATE FUNCTION "commonplace_note_search_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM commonplace_note_search_refresh(ARRAY(
		SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
		WHERE (n.title, n.summary, n.body, n.language, n.term_definition, n.term_synonyms, n.org_region, n.org_sector,
			n.org_address, n.org_contact, n.org_website)
			IS DISTINCT FROM (o.title, o.summary, o.body, o.language, o.term_definition, o.term_synonyms, o.org_region,
			o.org_sector, o.org_address, o.org_contact, o.org_website)));
	UPDATE note_search s SET type = n.type, licence = n.licence, status = n.status, visibility = n.visibility,
		community_id = n.community_id, deleted = n.deleted_at IS NOT NULL,
		year = extract(year FROM n.published_at AT TIME ZONE 'UTC')::smallint, recent_at = coalesce(n.published_at, n.updated_at)
	FROM new_rows n
	WHERE s.note_id = n.id
		AND (s.type, s.licence, s.status, s.visibility, s.community_id, s.deleted, s.year, s.recent_at)
			IS DISTINCT FROM (n.type, n.licence, n.status, n.visibility, n.community_id, n.deleted_at IS NOT NULL,
			extract(year FROM n.published_at AT TIME ZONE 'UTC')::smallint, coalesce(n.published_at, n.updated_at));
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "note_search_inserted" AFTER INSERT ON "note" REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_note_search_queued"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "note_search_queue_committed" AFTER INSERT ON "note_search_queue" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION "commonplace_note_search_dequeued"();
--> statement-breakpoint
CREATE TRIGGER "note_search_updated" AFTER UPDATE ON "note" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_note_search_updated"();
--> statement-breakpoint
-- A note's active authors (visibility, the author facet and filter) and its notebooks (the notebook facet and filter).
CREATE FUNCTION "commonplace_note_search_authors"(ids text[]) RETURNS void LANGUAGE sql AS $$
	UPDATE note_search s SET author_id = x.ids[1], other_author_ids = nullif(x.ids[2:], '{}')
	FROM (
		SELECT i.id, coalesce(array_agg(a.account_id ORDER BY a.position, a.account_id) FILTER (WHERE a.account_id IS NOT NULL), '{}') AS ids
		FROM (SELECT DISTINCT unnest(ids) AS id) i
		LEFT JOIN note_author a ON a.note_id = i.id AND a.status = 'active'
		GROUP BY i.id
	) x
	WHERE s.note_id = x.id AND (s.author_id, s.other_author_ids) IS DISTINCT FROM (x.ids[1], nullif(x.ids[2:], '{}'))
$$;
--> statement-breakpoint
CREATE FUNCTION "commonplace_note_search_notebooks"(ids text[]) RETURNS void LANGUAGE sql AS $$
	UPDATE note_search s SET notebook_id = x.ids[1], other_notebook_ids = nullif(x.ids[2:], '{}')
	FROM (
		SELECT i.id, coalesce(array_agg(nn.notebook_id ORDER BY nn.notebook_id) FILTER (WHERE nn.notebook_id IS NOT NULL), '{}') AS ids
		FROM (SELECT DISTINCT unnest(ids) AS id) i
		LEFT JOIN notebook_note nn ON nn.note_id = i.id
		GROUP BY i.id
	) x
	WHERE s.note_id = x.id AND (s.notebook_id, s.other_notebook_ids) IS DISTINCT FROM (x.ids[1], nullif(x.ids[2:], '{}'))
$$;
--> statement-breakpoint
CREATE FUNCTION "commonplace_note_search_authors_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM commonplace_note_search_authors(ARRAY(SELECT note_id FROM new_rows));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM commonplace_note_search_authors(ARRAY(SELECT note_id FROM old_rows));
	ELSE
		PERFORM commonplace_note_search_authors(ARRAY(SELECT note_id FROM new_rows UNION SELECT note_id FROM old_rows));
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "commonplace_note_search_notebooks_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM commonplace_note_search_notebooks(ARRAY(SELECT note_id FROM new_rows));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM commonplace_note_search_notebooks(ARRAY(SELECT note_id FROM old_rows));
	ELSE
		PERFORM commonplace_note_search_notebooks(ARRAY(SELECT note_id FROM new_rows UNION SELECT note_id FROM old_rows));
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
-- A trigger with transition tables fires on one event only.
CREATE TRIGGER "note_search_authors_inserted" AFTER INSERT ON "note_author" REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_note_search_authors_changed"();
--> statement-breakpoint
CREATE TRIGGER "note_search_authors_updated" AFTER UPDATE ON "note_author" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_note_search_authors_changed"();
--> statement-breakpoint
CREATE TRIGGER "note_search_authors_deleted" AFTER DELETE ON "note_author" REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_note_search_authors_changed"();
--> statement-breakpoint
CREATE TRIGGER "note_search_notebooks_inserted" AFTER INSERT ON "notebook_note" REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_note_search_notebooks_changed"();
--> statement-breakpoint
CREATE TRIGGER "note_search_notebooks_updated" AFTER UPDATE ON "notebook_note" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_note_search_notebooks_changed"();
--> statement-breakpoint
CREATE TRIGGER "note_search_notebooks_deleted" AFTER DELETE ON "notebook_note" REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_note_search_notebooks_changed"();
--> statement-breakpoint
-- The index and its queue change only with the tables above, which already notify; the triggers keep the rule of migration 0004
-- (every table has it, or is listed as one no page shows) without a special case.
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "note_search" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "note_search_queue" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
SELECT commonplace_note_search_refresh(ARRAY(SELECT id FROM note));
