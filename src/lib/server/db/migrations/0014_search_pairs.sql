-- Issue 5, ADR 8: a quoted phrase is found through an index of word pairs. GIN keeps no word positions, so a phrase
-- ("système de fichiers") was checked on every note holding its words, each document read from TOAST: 19,610 notes
-- for 8,296 matches at 100,000 notes, some 200 ms. The indexes of note vectors now hold, beside each word, each pair of
-- words at most two positions apart with their distance ('system 2 fichi'), so that a phrase of two words
-- is one key of the index, exactly as PostgreSQL's phrase operator means it (the second word that many positions after
-- the first; stop words keep their positions). A longer phrase is checked on the notes holding its pairs only.
-- The pairs are computed from the stored vectors when a row is indexed, and kept only in the indexes: the table, its
-- TOAST, the ranking and the snippets are as before.

-- The pairs of a vector's words at most 2 positions apart, as lexemes "word distance word". Lexemes hold no space, so a
-- pair can never pass for a word (nor for a configuration's marker, which has one space and no distance). 2 is the
-- reach: commonplace_search_pair_query must use the same. Positions past 16,383 share the last one, and give no pair.
-- The two words after each position (lead 1 and 2) hold every word within reach, ties ordered by lexeme so that the
-- same vector always gives the same pairs. Written for speed: 0.3 ms for a note of 250 words on PostgreSQL, where a
-- join on VALUES took 0.8 ms.
CREATE FUNCTION "commonplace_search_pairs"(v tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT array_to_tsvector(coalesce(array_agg(s.a) FILTER (WHERE octet_length(s.a) < 2048), '{}')
		|| coalesce(array_agg(s.b) FILTER (WHERE octet_length(s.b) < 2048), '{}'))
	FROM (
		SELECT CASE lead(w.pos, 1) OVER o - w.pos WHEN 1 THEN w.lexeme || ' 1 ' || lead(w.lexeme, 1) OVER o
				WHEN 2 THEN w.lexeme || ' 2 ' || lead(w.lexeme, 1) OVER o END AS a,
			CASE lead(w.pos, 2) OVER o - w.pos WHEN 1 THEN w.lexeme || ' 1 ' || lead(w.lexeme, 2) OVER o
				WHEN 2 THEN w.lexeme || ' 2 ' || lead(w.lexeme, 2) OVER o END AS b
		FROM (SELECT u.lexeme, unnest(u.positions) AS pos FROM unnest(v) AS u) w
		WINDOW o AS (ORDER BY w.pos, w.lexeme)
	) s
$$;
--> statement-breakpoint
-- What the indexes of a note vector hold: its words and their pairs. Index builds run it with search_path =
-- pg_catalog (PostgreSQL 17 and later), hence the schema.
CREATE FUNCTION "commonplace_search_keys"(v tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT v || public.commonplace_search_pairs(v)
$$;
--> statement-breakpoint
-- The tokens of a tsquery's text: quoted operands (with '' inside, and a weight or prefix mark after), phrase
-- operators, & | ! and parentheses. An operand is plain when its last character is its closing quote.
CREATE FUNCTION "commonplace_search_tokens"(q text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT ARRAY(SELECT m[1] FROM regexp_matches(q, $re$('(?:[^']|'')*'(?::[*A-D]+)?|<(?:\d+|-)>|[&|!()])$re$, 'g') AS m)
$$;
--> statement-breakpoint
-- The same query over words and pairs, and whether it still has positions to check. Each chain of plain operands
-- ('a' <-> 'b' <2> 'c', neither negated nor joined to anything else by a phrase operator) gains its pairs within reach;
-- a chain of two words within reach becomes its pair alone. Both are exact wherever the chain stands, under a NOT or an
-- OR too: the phrase holds exactly when the pair does, and a longer phrase implies its pairs.
CREATE FUNCTION "commonplace_search_pair_query"(q tsquery, OUT query tsquery, OUT positional boolean) LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	toks text[] := commonplace_search_tokens(q::text);
	n int := coalesce(array_length(toks, 1), 0);
	out text[] := '{}';
	i int := 1;
	j int;
	a int;
	b int;
	dist int;
	ops text[];
	dists int[];
	pairs text[];
BEGIN
	positional := false;
	WHILE i <= n LOOP
		j := i;
		IF left(toks[i], 1) = '''' AND right(toks[i], 1) = '''' AND (i = 1 OR toks[i - 1] <> '!' AND left(toks[i - 1], 1) <> '<') THEN
			WHILE j + 2 <= n AND left(toks[j + 1], 1) = '<' AND right(toks[j + 2], 1) = '''' LOOP
				j := j + 2;
			END LOOP;
		END IF;
		IF j = i OR (j < n AND left(toks[j + 1], 1) = '<') THEN
			-- Not a chain, or one tied to more by a phrase operator: kept as it is, positions and all.
			positional := positional OR EXISTS (SELECT FROM unnest(toks[i:j]) t WHERE left(t, 1) = '<');
			out := out || toks[i:j];
			i := j + 1;
			CONTINUE;
		END IF;
		ops := ARRAY(SELECT substr(t, 2, length(t) - 2) FROM unnest(toks[i:j]) WITH ORDINALITY AS x(t, k) WHERE k % 2 = 1 ORDER BY k);
		dists := ARRAY(SELECT CASE t WHEN '<->' THEN 1 ELSE substr(t, 2, length(t) - 2)::int END
			FROM unnest(toks[i:j]) WITH ORDINALITY AS x(t, k) WHERE k % 2 = 0 ORDER BY k);
		pairs := '{}';
		FOR a IN 1 .. array_length(ops, 1) - 1 LOOP
			dist := 0;
			FOR b IN a + 1 .. array_length(ops, 1) LOOP
				dist := dist + dists[b - 1];
				EXIT WHEN dist > 2;
				IF dist > 0 THEN
					pairs := pairs || ('''' || ops[a] || ' ' || dist || ' ' || ops[b] || '''');
				END IF;
			END LOOP;
		END LOOP;
		IF array_length(ops, 1) = 2 AND array_length(pairs, 1) = 1 THEN
			out := out || pairs[1];
		ELSE
			positional := true;
			out := out || ('( ' || array_to_string(pairs || array_to_string(toks[i:j], ' '), ' & ') || ' )');
		END IF;
		i := j + 1;
	END LOOP;
	query := array_to_string(out, ' ')::tsquery;
END
$$;
--> statement-breakpoint
-- What a search asks a configuration's indexes (search/note-match.ts): the words in web search syntax as that
-- configuration parses them, over words and pairs. When positions remain to check (commonplace_search_key_exact is
-- false), it is a query that the matches all pass and that the index answers without reading a row: the indexable part
-- of the query (querytree, which leaves out what is under a NOT) with every phrase operator made an AND; the caller
-- then checks the phrase on the stored vector of those notes only. With nothing indexable left (only exclusions), it is
-- the configuration's marker, which every note of it holds. Both return a plain value, which the planner computes once
-- from the query's text (it does not fold a function that returns a record into a constant).
CREATE FUNCTION "commonplace_search_key_query"(config text, q text) RETURNS tsquery LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	parsed tsquery := commonplace_search_parse(config, q);
	rewritten record;
	tree text;
BEGIN
	-- Without a phrase operator (no "<" at all), nothing to rewrite.
	IF numnode(parsed) = 0 OR strpos(parsed::text, '<') = 0 THEN
		RETURN parsed;
	END IF;
	rewritten := commonplace_search_pair_query(parsed);
	IF NOT rewritten.positional THEN
		RETURN rewritten.query;
	END IF;
	tree := querytree(rewritten.query);
	IF tree IN ('', 'T') THEN
		RETURN quote_literal('cfg ' || config)::tsquery;
	END IF;
	RETURN array_to_string(ARRAY(SELECT CASE WHEN left(t, 1) = '<' THEN '&' ELSE t END
		FROM unnest(commonplace_search_tokens(tree)) WITH ORDINALITY AS x(t, k) ORDER BY k), ' ')::tsquery;
END
$$;
--> statement-breakpoint
-- Whether commonplace_search_key_query is the whole answer, with no positions left to check.
CREATE FUNCTION "commonplace_search_key_exact"(config text, q text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT numnode(p) = 0 OR strpos(p::text, '<') = 0 OR NOT (commonplace_search_pair_query(p)).positional
	FROM commonplace_search_parse(config, q) AS p
$$;
--> statement-breakpoint
-- The indexes are built again over words and pairs: at 100,000 notes, 225 s on PostgreSQL and 298 s on PGlite, where
-- words alone took some 15 s. An ordinary instance takes a few seconds.
DROP INDEX "note_search_document_fr_idx";--> statement-breakpoint
DROP INDEX "note_search_document_en_idx";--> statement-breakpoint
DROP INDEX "note_search_document_simple_idx";--> statement-breakpoint
DROP INDEX "note_search_short_fr_idx";--> statement-breakpoint
DROP INDEX "note_search_short_en_idx";--> statement-breakpoint
DROP INDEX "note_search_short_simple_idx";--> statement-breakpoint
DROP INDEX "note_search_title_vector_fr_idx";--> statement-breakpoint
DROP INDEX "note_search_title_vector_en_idx";--> statement-breakpoint
DROP INDEX "note_search_title_vector_simple_idx";--> statement-breakpoint
CREATE INDEX "note_search_document_fr_idx" ON "note_search" USING gin (commonplace_search_keys("document")) WITH (gin_pending_list_limit=1024) WHERE config = 'fr';--> statement-breakpoint
CREATE INDEX "note_search_document_en_idx" ON "note_search" USING gin (commonplace_search_keys("document")) WITH (gin_pending_list_limit=1024) WHERE config = 'en';--> statement-breakpoint
CREATE INDEX "note_search_document_simple_idx" ON "note_search" USING gin (commonplace_search_keys("document")) WITH (gin_pending_list_limit=1024) WHERE config = 'simple';--> statement-breakpoint
CREATE INDEX "note_search_short_fr_idx" ON "note_search" USING gin (commonplace_search_keys("document")) WITH (gin_pending_list_limit=1024) WHERE config = 'fr' and prior >= -4.1::real;--> statement-breakpoint
CREATE INDEX "note_search_short_en_idx" ON "note_search" USING gin (commonplace_search_keys("document")) WITH (gin_pending_list_limit=1024) WHERE config = 'en' and prior >= -4.1::real;--> statement-breakpoint
CREATE INDEX "note_search_short_simple_idx" ON "note_search" USING gin (commonplace_search_keys("document")) WITH (gin_pending_list_limit=1024) WHERE config = 'simple' and prior >= -4.1::real;--> statement-breakpoint
CREATE INDEX "note_search_title_vector_fr_idx" ON "note_search" USING gin (commonplace_search_keys("title_vector")) WHERE config = 'fr';--> statement-breakpoint
CREATE INDEX "note_search_title_vector_en_idx" ON "note_search" USING gin (commonplace_search_keys("title_vector")) WHERE config = 'en';--> statement-breakpoint
CREATE INDEX "note_search_title_vector_simple_idx" ON "note_search" USING gin (commonplace_search_keys("title_vector")) WHERE config = 'simple';--> statement-breakpoint
-- No statistics for these indexes: the planner reads none from a partial index (it would not describe the whole table),
-- and gathering them computes the pairs of every sampled row, which made ANALYZE of note_search last 36 s instead of 1
-- at 100,000 notes (PGlite runs it in the app's process, db/maintenance.ts).
ALTER INDEX "note_search_document_fr_idx" ALTER COLUMN 1 SET STATISTICS 0;--> statement-breakpoint
ALTER INDEX "note_search_document_en_idx" ALTER COLUMN 1 SET STATISTICS 0;--> statement-breakpoint
ALTER INDEX "note_search_document_simple_idx" ALTER COLUMN 1 SET STATISTICS 0;--> statement-breakpoint
ALTER INDEX "note_search_short_fr_idx" ALTER COLUMN 1 SET STATISTICS 0;--> statement-breakpoint
ALTER INDEX "note_search_short_en_idx" ALTER COLUMN 1 SET STATISTICS 0;--> statement-breakpoint
ALTER INDEX "note_search_short_simple_idx" ALTER COLUMN 1 SET STATISTICS 0;--> statement-breakpoint
ALTER INDEX "note_search_title_vector_fr_idx" ALTER COLUMN 1 SET STATISTICS 0;--> statement-breakpoint
ALTER INDEX "note_search_title_vector_en_idx" ALTER COLUMN 1 SET STATISTICS 0;--> statement-breakpoint
ALTER INDEX "note_search_title_vector_simple_idx" ALTER COLUMN 1 SET STATISTICS 0;
