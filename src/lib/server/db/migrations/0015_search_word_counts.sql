CREATE TABLE "note_search_word" (
	"config" text NOT NULL,
	"word" text NOT NULL,
	CONSTRAINT "note_search_word_config_word_pk" PRIMARY KEY("config","word")
);
--> statement-breakpoint
CREATE TABLE "note_search_word_count" (
	"config" text NOT NULL,
	"word" text NOT NULL,
	"kind" smallint NOT NULL,
	"value" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "note_search_word_count_config_word_kind_value_pk" PRIMARY KEY("config","word","kind","value")
);
--> statement-breakpoint
CREATE TABLE "note_search_word_due" (
	"xact" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_search_word_queue" (
	"xact" bigint NOT NULL,
	"config" text NOT NULL,
	"word" text NOT NULL,
	"kind" smallint NOT NULL,
	"value" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "note_search_hidden_idx" ON "note_search" USING btree ("reach") WHERE reach between 1 and 2;--> statement-breakpoint
-- Issue 5, ADR 8: the counts of the most common words, kept ahead. The total and the facets of a search are exact
-- counts of every match, and a common word matches a third of the notes or more: counting them read some 46,000 rows
-- per search at 100,000 notes, most of the time of the slowest searches. The public notes holding each common word are
-- counted here instead, per facets code, author and notebook (search/common-words.ts reads them), and kept in step by
-- the triggers below; a signed-in reader's other notes are still counted when searching.

-- A lexeme as a tsquery that matches exactly it (the tsquery text syntax: quoted, '' and \ escaped).
CREATE FUNCTION "commonplace_search_lexeme_query"(lexeme text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT ('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''')::tsquery
$$;
--> statement-breakpoint
-- Every write of note_search (the indexing at commit of new notes, an edit, a change of who may see a note or of its
-- facts, authors or notebooks, a deletion) queues what it changes in the kept counts: per common word its public notes
-- hold (1 for a row added, -1 for a row removed; an update is both), per facets code, author and notebook, summed per
-- count. An update that changes none of what is counted (a date) queues nothing; with no common word yet (a new or
-- small database) there is nothing to do. The rows are streamed from the transition tables, never gathered: a rebuild
-- writes every note in one statement. At commit the queue is applied (commonplace_search_word_counts_due).
CREATE FUNCTION "commonplace_note_search_counted"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	changed CONSTANT text := '(n.reach = 0 OR o.reach = 0) AND ((n.reach, n.config, n.facets, n.author_id, n.other_author_ids,
		n.notebook_id, n.other_notebook_ids) IS DISTINCT FROM (o.reach, o.config, o.facets, o.author_id, o.other_author_ids,
		o.notebook_id, o.other_notebook_ids) OR n.document IS DISTINCT FROM o.document)';
	rows text;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM note_search_word) THEN
		RETURN NULL;
	END IF;
	rows := CASE TG_OP
		WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n WHERE n.reach = 0'
		WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o WHERE o.reach = 0'
		ELSE format('SELECT n.*, 1 AS sign FROM new_rows n JOIN old_rows o ON o.note_id = n.note_id WHERE n.reach = 0 AND %s
			UNION ALL SELECT o.*, -1 FROM new_rows n JOIN old_rows o ON o.note_id = n.note_id WHERE o.reach = 0 AND %s', changed, changed)
	END;
	EXECUTE format($q$
		WITH r AS (%s),
		l AS MATERIALIZED (
			SELECT r.config, l.word, r.sign, r.facets, r.author_id, r.other_author_ids, r.notebook_id, r.other_notebook_ids
			FROM r CROSS JOIN LATERAL unnest(tsvector_to_array(r.document)) AS l(word)
		),
		w AS (SELECT l.* FROM l JOIN note_search_word k ON k.config = l.config AND k.word = l.word),
		d AS (
			SELECT w.config, w.word, 0::smallint AS kind, w.facets::text AS value, w.sign FROM w
			UNION ALL
			SELECT w.config, w.word, 1::smallint, a.id, w.sign
			FROM w CROSS JOIN LATERAL unnest(array_prepend(w.author_id, coalesce(w.other_author_ids, '{}'))) AS a(id)
			UNION ALL
			SELECT w.config, w.word, 2::smallint, b.id, w.sign
			FROM w CROSS JOIN LATERAL unnest(array_prepend(w.notebook_id, coalesce(w.other_notebook_ids, '{}'))) AS b(id)
		),
		queued AS (
			INSERT INTO note_search_word_queue (xact, config, word, kind, value, n)
			SELECT pg_current_xact_id()::text::bigint, d.config, d.word, d.kind, d.value, sum(d.sign)
			FROM d WHERE d.value IS NOT NULL
			GROUP BY d.config, d.word, d.kind, d.value HAVING sum(d.sign) <> 0
			RETURNING 1
		)
		INSERT INTO note_search_word_due (xact)
		SELECT pg_current_xact_id()::text::bigint WHERE EXISTS (SELECT 1 FROM queued)
		ON CONFLICT DO NOTHING$q$, rows);
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "note_search_counted_inserted" AFTER INSERT ON "note_search" REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_note_search_counted"();
--> statement-breakpoint
CREATE TRIGGER "note_search_counted_updated" AFTER UPDATE ON "note_search" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_note_search_counted"();
--> statement-breakpoint
CREATE TRIGGER "note_search_counted_deleted" AFTER DELETE ON "note_search" REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_note_search_counted"();
--> statement-breakpoint
-- An emptied index counts nothing (a rebuild truncates it, then writes every row again, which counts them anew).
CREATE FUNCTION "commonplace_note_search_emptied"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM note_search_word_count;
	DELETE FROM note_search_word_queue WHERE xact = pg_current_xact_id()::text::bigint;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "note_search_counted_truncated" AFTER TRUNCATE ON "note_search"
	FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_note_search_emptied"();
--> statement-breakpoint
-- At commit: the transaction's queued changes, applied in the order of the counts' keys, so that two committing
-- transactions wait for each other rather than deadlock. Counts are only ever added to, so transactions committing
-- in any order reach the same sums.
CREATE FUNCTION "commonplace_search_word_counts_due"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	WITH q AS (
		DELETE FROM note_search_word_queue WHERE xact = NEW.xact RETURNING config, word, kind, value, n
	)
	INSERT INTO note_search_word_count AS k (config, word, kind, value, n)
	SELECT q.config, q.word, q.kind, q.value, sum(q.n) FROM q
	GROUP BY q.config, q.word, q.kind, q.value HAVING sum(q.n) <> 0
	ORDER BY q.config, q.word, q.kind, q.value
	ON CONFLICT (config, word, kind, value) DO UPDATE SET n = k.n + excluded.n;
	DELETE FROM note_search_word_due WHERE xact = NEW.xact;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "note_search_word_due_committed" AFTER INSERT ON "note_search_word_due" DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION "commonplace_search_word_counts_due"();
--> statement-breakpoint
-- Makes a word common in one configuration: records it and counts its public notes, unless it is already. Writers of
-- note_search wait meanwhile (and this waits for those under way), so that each change is counted exactly once: by
-- this count if it committed before, by the triggers once the word is known if after. The word's notes are found
-- through the configuration's index (its name a literal, for the planner to pick the partial index), never by
-- reading their vectors. Returns whether the word was added.
CREATE FUNCTION "commonplace_search_word_add"(cfg text, lexeme text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
	IF cfg NOT IN ('fr', 'en', 'simple') THEN
		RAISE EXCEPTION 'unknown text search configuration: %', cfg;
	END IF;
	LOCK TABLE note_search IN SHARE MODE;
	INSERT INTO note_search_word (config, word) VALUES (cfg, lexeme) ON CONFLICT DO NOTHING;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	PERFORM set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true),
		set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true);
	EXECUTE format($q$
		WITH m AS MATERIALIZED (
			SELECT facets, author_id, other_author_ids, notebook_id, other_notebook_ids FROM note_search
			WHERE config = %L AND commonplace_search_keys(document) @@ $1 AND reach = 0
		)
		INSERT INTO note_search_word_count (config, word, kind, value, n)
		SELECT $2, $3, d.kind, d.value, count(*) FROM (
			SELECT 0::smallint AS kind, m.facets::text AS value FROM m
			UNION ALL
			SELECT 1::smallint, a.id FROM m CROSS JOIN LATERAL unnest(array_prepend(m.author_id, coalesce(m.other_author_ids, '{}'))) AS a(id)
			UNION ALL
			SELECT 2::smallint, b.id FROM m CROSS JOIN LATERAL unnest(array_prepend(m.notebook_id, coalesce(m.other_notebook_ids, '{}'))) AS b(id)
		) d WHERE d.value IS NOT NULL GROUP BY d.kind, d.value$q$, cfg)
	USING commonplace_search_lexeme_query(lexeme), cfg, lexeme;
	RETURN true;
END
$$;
--> statement-breakpoint
-- The rule of migration 0004: every table notifies.
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "note_search_word" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "note_search_word_count" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "note_search_word_queue" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
--> statement-breakpoint
CREATE TRIGGER "page_cache_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "note_search_word_due" FOR EACH STATEMENT EXECUTE FUNCTION "commonplace_pages_changed"();
