import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	bigint,
	customType,
	index,
	integer,
	pgTable,
	primaryKey,
	real,
	smallint,
	text,
	timestamp,
	unique
} from 'drizzle-orm/pg-core';
import { note } from './notes.ts';

/** The text search configurations of notes (note_search.config), each with its own indexes. */
export const CONFIGS = ['fr', 'en', 'simple'] as const;

/** PostgreSQL's full-text document type; drizzle has no column type for it. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** What the search indexes of a vector hold: its words and its word pairs (migration 0014, search/note-match.ts). */
const searchKeys = (vector: AnyPgColumn) => sql`commonplace_search_keys(${vector})`;

/**
 * Where a note can be seen (note_search.reach), the facts the visibility rule reads folded into one small number that
 * every match of a search compares: published and public; published in its community; any other state only its
 * authors see (a draft, a note kept private); deleted. search/visibility-filter.ts reads it; the triggers write it.
 */
export const REACH = { public: 0, community: 1, authors: 2, deleted: 3 } as const;

/**
 * The search index of notes (issue 5, ADR 8): one row per note, written only by database triggers on note,
 * note_author and notebook_note (migrations 0008 and 0013), so every write path, batch imports and psql included, keeps
 * it current in the same transaction. A common word matches half the notes, and counting them reads each match's row:
 * the row holds only what every match is counted, filtered and ranked by, in small values (the single-valued facets as
 * one code of note_search_facets, who can see it as one number), and the vectors and text, which leave the row for
 * TOAST and are read for the candidates ranked and the page shown only. Nothing else writes it.
 */
export const noteSearch = pgTable(
	'note_search',
	{
		noteId: text('note_id')
			.primaryKey()
			.references(() => note.id, { onDelete: 'cascade' }),
		/** The text search configuration of the note's language: fr, en, or simple for any other. */
		config: text('config', { enum: ['fr', 'en', 'simple'] }).notNull(),
		/** The note's type, language, licence, year and community, as their code in note_search_facets. */
		facets: integer('facets')
			.notNull()
			.references(() => noteSearchFacets.code),
		/** REACH: who may see the note, by its status, visibility and deletion. */
		reach: smallint('reach').notNull(),
		/** The note's community (null when none): a member of it sees its community notes. */
		communityId: text('community_id'),
		/**
		 * Active authors in byline order, the first apart from the others (null when none): counting facets then hashes
		 * a plain value for nearly every note, where an array would cost more than the rest of the row.
		 */
		authorId: text('author_id'),
		otherAuthorIds: text('other_author_ids').array(),
		/** Notebooks that include the note, whatever their visibility (decided when searching), by id, likewise split. */
		notebookId: text('notebook_id'),
		otherNotebookIds: text('other_notebook_ids').array(),
		/** Publication time, or the last edit for a never-published note: the "recent" order. */
		recentAt: timestamp('recent_at', { withTimezone: true }).notNull(),
		/** A query-independent rank signal: shorter documents first, which picks the candidates to rank among many matches. */
		prior: real('prior').notNull(),
		/**
		 * The beginning of what a reader sees of the note (summary, definition, synonyms, the body without Markdown,
		 * organisation fields; 4,000 characters at most): what snippets are cut from. Being long, it also takes the
		 * document vector out of the row: PostgreSQL moves values to TOAST only from a row past 2 kB, then until the row
		 * is under toast_tuple_target (128 bytes), and the vector alone would stay in the rows of most notes.
		 */
		content: text('content').notNull(),
		/** Everything searchable, weighted: A title, B summary, synonyms and definition, C body, D organisation fields. */
		document: tsvector('document').notNull(),
		/** Title and a term's synonyms (what names the note), plus the configuration's marker lexeme. */
		titleVector: tsvector('title_vector').notNull(),
		/** lower(unaccent(title)): trigram matching of titles with typos, and exact-title matches. */
		titleKey: text('title_key').notNull()
	},
	(t) => [
		// One index per configuration (migration 0012), each holding only its notes: a search asks each for the words as
		// that configuration parses them, and their bitmaps are ORed. One index over every note would need each word ANDed
		// with a marker of its configuration, and reading the markers' postings (every French or English note) cost more
		// than the words'. A small pending list: PGlite has no autovacuum to merge it, and every search reads all of it.
		//
		// The indexes hold each vector's words and its word pairs (commonplace_search_keys, migration 0014): a quoted
		// phrase of two words is then looked up as one key, and a longer one is checked on the notes holding its pairs.
		...CONFIGS.map((c) =>
			index(`note_search_document_${c}_idx`)
				.using('gin', searchKeys(t.document))
				.where(sql.raw(`config = '${c}'`))
				.with({ gin_pending_list_limit: 1024 })
		),
		// The short notes (at most 58 distinct words: the best prior, about a tenth of the benchmark's notes): for a common
		// word, the best candidates by the prior are found in these small indexes instead of among all its matches
		// (search/note-ranking.ts).
		...CONFIGS.map((c) =>
			index(`note_search_short_${c}_idx`)
				.using('gin', searchKeys(t.document))
				.where(sql.raw(`config = '${c}' and prior >= -4.1::real`))
				.with({ gin_pending_list_limit: 1024 })
		),
		...CONFIGS.map((c) =>
			index(`note_search_title_vector_${c}_idx`)
				.using('gin', searchKeys(t.titleVector))
				.where(sql.raw(`config = '${c}'`))
		),
		// The titles of the short notes likewise: a common word is in thousands of titles, and the best of them by the
		// prior are found among these (search/note-ranking.ts).
		...CONFIGS.map((c) =>
			index(`note_search_short_title_${c}_idx`)
				.using('gin', searchKeys(t.titleVector))
				.where(sql.raw(`config = '${c}' and prior >= -4.1::real`))
		),
		// Narrowing by a notebook or an author (search/filters.ts) reads their notes through these, ANDed with the words'.
		index('note_search_notebook_idx').on(t.notebookId),
		index('note_search_other_notebooks_idx').using('gin', t.otherNotebookIds),
		index('note_search_author_idx').on(t.authorId),
		index('note_search_other_authors_idx').using('gin', t.otherAuthorIds),
		index('note_search_facets_idx').on(t.facets),
		// The notes not everyone may see (a community's, their authors' alone), a fifth of the benchmark's: for a common
		// word, whose public notes are counted ahead (note_search_word_count), a signed-in reader's own share is counted
		// through this index ANDed with the word's, without reading the public matches.
		index('note_search_hidden_idx').on(t.reach).where(sql.raw('reach between 1 and 2')),
		index('note_search_title_key_idx').using('gin', t.titleKey.op('gin_trgm_ops')),
		index('note_search_recent_idx').on(t.recentAt.desc(), t.noteId.desc())
	]
);

/**
 * The single-valued facets of notes, each combination once (a few hundred): note_search.facets is its code. Counting
 * groups the matches by that one number, and narrowing by a type, language, licence, year or community picks codes
 * here. Rows are added by the triggers as combinations appear, and never removed (an unused code counts nothing).
 */
export const noteSearchFacets = pgTable(
	'note_search_facets',
	{
		code: integer('code').primaryKey().generatedAlwaysAsIdentity(),
		type: text('type').notNull(),
		language: text('language').notNull(),
		licence: text('licence').notNull(),
		/** Year of publication (UTC), null for a never-published note. */
		year: smallint('year'),
		communityId: text('community_id')
	},
	(t) => [unique('note_search_facets_key').on(t.type, t.language, t.licence, t.year, t.communityId).nullsNotDistinct()]
);

/**
 * Notes inserted by the transaction under way and not yet indexed: the index rows are written at commit, all at once,
 * when the notes' authors and notebooks are written too (migration 0008). Empty outside a writing transaction.
 */
export const noteSearchQueue = pgTable('note_search_queue', {
	noteId: text('note_id').primaryKey()
});

/**
 * The most common words of the notes, per configuration (a few hundred, from the planner's statistics: ANALYZE keeps
 * the most common lexemes of note_search.document). Counting the matches of one of them would read tens of thousands
 * of rows on every search; their counts are kept instead, in note_search_word_count (migration 0015,
 * search/common-words.ts). A word is added once, with its counts, and never removed: a word that becomes rare still
 * counts exactly.
 */
export const noteSearchWord = pgTable(
	'note_search_word',
	{
		config: text('config', { enum: ['fr', 'en', 'simple'] }).notNull(),
		/** A lexeme as the configuration stems it ('fichi', 'file'). */
		word: text('word').notNull()
	},
	(t) => [primaryKey({ columns: [t.config, t.word] })]
);

/** What a kept count counts (note_search_word_count.kind): the notes of one facets code, of one author, of one notebook. */
export const WORD_COUNT_KIND = { facets: 0, author: 1, notebook: 2 } as const;

/**
 * The public notes (REACH.public) holding each common word, counted per facets code (the type, language, licence, year
 * and community together), per author and per notebook: every facet and the total of a search for that word, for
 * anyone, without reading a note. The triggers on note_search keep it in step at each commit (migration 0015); the
 * notes others may not see are counted when searching, per viewer. Nothing else writes it.
 */
export const noteSearchWordCount = pgTable(
	'note_search_word_count',
	{
		config: text('config', { enum: ['fr', 'en', 'simple'] }).notNull(),
		word: text('word').notNull(),
		/** WORD_COUNT_KIND. */
		kind: smallint('kind').notNull(),
		/** The facets code (as text), the author's account id or the notebook's id. */
		value: text('value').notNull(),
		n: integer('n').notNull()
	},
	// No CHECK (n >= 0): an upsert checks the row it proposes, the change (-1) before it is added to the count.
	(t) => [primaryKey({ columns: [t.config, t.word, t.kind, t.value] })]
);

/**
 * Changes to the kept counts made by the transaction under way (`xact`), one row per statement and count, summed and
 * applied all at once at commit, in one order: two transactions never take the counts' locks in opposite orders, and
 * hold them only while committing. No key: appending is what a bulk write needs to be cheap. Empty outside a writing
 * transaction; each transaction reads only its own rows.
 */
export const noteSearchWordQueue = pgTable('note_search_word_queue', {
	xact: bigint('xact', { mode: 'number' }).notNull(),
	config: text('config', { enum: ['fr', 'en', 'simple'] }).notNull(),
	word: text('word').notNull(),
	kind: smallint('kind').notNull(),
	value: text('value').notNull(),
	n: integer('n').notNull()
});

/** One row per transaction with queued count changes: its deferred trigger applies them at commit, once. */
export const noteSearchWordDue = pgTable('note_search_word_due', {
	xact: bigint('xact', { mode: 'number' }).primaryKey()
});
