import { sql } from 'drizzle-orm';
import { boolean, customType, index, pgTable, real, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { note } from './notes.ts';

/** The text search configurations of notes (note_search.config), each with its own indexes. */
export const CONFIGS = ['fr', 'en', 'simple'] as const;

/** PostgreSQL's full-text document type; drizzle has no column type for it. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The search index of notes (issue 5, ADR 8): one row per note, written only by database triggers on note,
 * note_author and notebook_note (migration 0008), so every write path, batch imports and psql included, keeps it
 * current in the same transaction. It copies the facts search filters, counts and decides visibility on, so a query
 * that matches half the notes reads these rows and never the notes'. Nothing else writes it.
 */
export const noteSearch = pgTable(
	'note_search',
	{
		noteId: text('note_id')
			.primaryKey()
			.references(() => note.id, { onDelete: 'cascade' }),
		/** The text search configuration of the note's language: fr, en, or simple for any other. */
		config: text('config', { enum: ['fr', 'en', 'simple'] }).notNull(),
		/** Title and a term's synonyms (what names the note), plus the configuration's marker lexeme. */
		titleVector: tsvector('title_vector').notNull(),
		/** Everything searchable, weighted: A title, B summary, synonyms and definition, C body, D organisation fields. */
		document: tsvector('document').notNull(),
		/**
		 * The beginning of what a reader sees of the note (summary, definition, synonyms, the body without Markdown,
		 * organisation fields; 4,000 characters at most): what snippets are cut from. Being long, it also takes the
		 * document vector out of the row (see migration 0008).
		 */
		content: text('content').notNull(),
		/** lower(unaccent(title)): trigram matching of titles with typos, and exact-title matches. */
		titleKey: text('title_key').notNull(),
		type: text('type').notNull(),
		language: text('language').notNull(),
		licence: text('licence').notNull(),
		status: text('status').notNull(),
		visibility: text('visibility').notNull(),
		communityId: text('community_id'),
		deleted: boolean('deleted').notNull(),
		/**
		 * Active authors in byline order, the first apart from the others (null when none): counting facets then hashes
		 * a plain value for nearly every note, where an array would cost more than the rest of the row.
		 */
		authorId: text('author_id'),
		otherAuthorIds: text('other_author_ids').array(),
		/** Notebooks that include the note, whatever their visibility (decided when searching), by id, likewise split. */
		notebookId: text('notebook_id'),
		otherNotebookIds: text('other_notebook_ids').array(),
		/** Year of publication (UTC), null for a never-published note. */
		year: smallint('year'),
		/** Publication time, or the last edit for a never-published note: the "recent" order. */
		recentAt: timestamp('recent_at', { withTimezone: true }).notNull(),
		/** A query-independent rank signal: shorter documents first, which picks the candidates to rank among many matches. */
		prior: real('prior').notNull()
	},
	(t) => [
		// One index per configuration (migration 0012), each holding only its notes: a search asks each for the words as
		// that configuration parses them, and their bitmaps are ORed. One index over every note would need each word ANDed
		// with a marker of its configuration, and reading the markers' postings (every French or English note) cost more
		// than the words'. A small pending list: PGlite has no autovacuum to merge it, and every search reads all of it.
		...CONFIGS.map((c) =>
			index(`note_search_document_${c}_idx`)
				.using('gin', t.document)
				.where(sql.raw(`config = '${c}'`))
				.with({ gin_pending_list_limit: 1024 })
		),
		// The short notes (at most 58 distinct words: the best prior, about a tenth of the benchmark's notes): for a common
		// word, the best candidates by the prior are found in these small indexes instead of among all its matches
		// (search/note-ranking.ts).
		...CONFIGS.map((c) =>
			index(`note_search_short_${c}_idx`)
				.using('gin', t.document)
				.where(sql.raw(`config = '${c}' and prior >= -4.1::real`))
				.with({ gin_pending_list_limit: 1024 })
		),
		...CONFIGS.map((c) =>
			index(`note_search_title_vector_${c}_idx`)
				.using('gin', t.titleVector)
				.where(sql.raw(`config = '${c}'`))
		),
		// Narrowing by a notebook or an author (search/filters.ts) reads their notes through these, ANDed with the words'.
		index('note_search_notebook_idx').on(t.notebookId),
		index('note_search_other_notebooks_idx').using('gin', t.otherNotebookIds),
		index('note_search_author_idx').on(t.authorId),
		index('note_search_other_authors_idx').using('gin', t.otherAuthorIds),
		index('note_search_title_key_idx').using('gin', t.titleKey.op('gin_trgm_ops')),
		index('note_search_recent_idx').on(t.recentAt.desc(), t.noteId.desc())
	]
);

/**
 * Notes inserted by the transaction under way and not yet indexed: the index rows are written at commit, all at once,
 * when the notes' authors and notebooks are written too (migration 0008). Empty outside a writing transaction.
 */
export const noteSearchQueue = pgTable('note_search_queue', {
	noteId: text('note_id').primaryKey()
});
