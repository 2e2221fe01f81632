import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { LICENCE_IDS } from '../../../domain/licences.ts';
import { user } from './accounts.ts';
import { community } from './communities.ts';

/**
 * A note and its current state; every save also writes a note_revision (the history). Title, summary and body are
 * kept here too, so reading a note or a list needs no join with its history.
 */
export const note = pgTable(
	'note',
	{
		// 16 base64url characters for new notes; imported Praxis notes keep their original 27-character ids.
		id: text('id').primaryKey(),
		type: text('type', { enum: ['general', 'term', 'organization'] })
			.notNull()
			.default('general'),
		title: text('title').notNull(),
		slug: text('slug').notNull(),
		language: text('language').notNull().default('fr'),
		summary: text('summary').notNull().default(''),
		body: text('body').notNull().default(''),
		licence: text('licence', { enum: LICENCE_IDS }).notNull(),
		visibility: text('visibility', { enum: ['public', 'community', 'private'] }).notNull(),
		status: text('status', { enum: ['draft', 'published'] })
			.notNull()
			.default('draft'),
		communityId: text('community_id').references(() => community.id, { onDelete: 'set null' }),
		currentRevisionId: text('current_revision_id'),
		// People credited without an account (an imported report's authors, a workshop's facilitators): their names,
		// in byline order after the account authors.
		externalAuthors: text('external_authors')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		// Lexicon term (type 'term')
		termDefinition: text('term_definition'),
		termSynonyms: text('term_synonyms').array(),
		// Organisation (type 'organization')
		orgWebsite: text('org_website'),
		orgRegion: text('org_region'),
		orgSector: text('org_sector'),
		orgAddress: text('org_address'),
		orgContact: text('org_contact'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		deletedAt: timestamp('deleted_at', { withTimezone: true })
	},
	(t) => [
		index('note_community_idx').on(t.communityId),
		index('note_listing_idx').on(t.status, t.visibility, t.publishedAt),
		// [[Title]] links resolve case-insensitively.
		index('note_title_lower_idx').on(sql`lower(${t.title})`)
	]
);

/** Ordered authors; a co-author is invited first and appears on the note once they accept. */
export const noteAuthor = pgTable(
	'note_author',
	{
		noteId: text('note_id')
			.notNull()
			.references(() => note.id, { onDelete: 'cascade' }),
		accountId: text('account_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		status: text('status', { enum: ['active', 'invited'] })
			.notNull()
			.default('active'),
		invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.noteId, t.accountId] }), index('note_author_account_idx').on(t.accountId, t.status)]
);

export const noteRevision = pgTable(
	'note_revision',
	{
		id: text('id').primaryKey(),
		noteId: text('note_id')
			.notNull()
			.references(() => note.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		title: text('title').notNull(),
		summary: text('summary').notNull().default(''),
		body: text('body').notNull(),
		editorId: text('editor_id').references(() => user.id, { onDelete: 'set null' }),
		message: text('message').notNull().default(''),
		// The revision the editor started from: a save whose base is not the current revision is a conflict.
		baseRevisionId: text('base_revision_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('note_revision_number_idx').on(t.noteId, t.number)]
);

/** Derived from the body's [[wiki links]] at each save; backlinks are the reverse. */
export const noteLink = pgTable(
	'note_link',
	{
		fromNoteId: text('from_note_id')
			.notNull()
			.references(() => note.id, { onDelete: 'cascade' }),
		toNoteId: text('to_note_id')
			.notNull()
			.references(() => note.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.fromNoteId, t.toNoteId] }), index('note_link_to_idx').on(t.toNoteId)]
);

export const attachment = pgTable(
	'attachment',
	{
		id: text('id').primaryKey(),
		noteId: text('note_id')
			.notNull()
			.references(() => note.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['image', 'document', 'audio', 'video'] }).notNull(),
		filename: text('filename').notNull(),
		mime: text('mime').notNull(),
		size: integer('size').notNull(),
		storageKey: text('storage_key').notNull().unique(),
		altText: text('alt_text').notNull().default(''),
		uploadedBy: text('uploaded_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('attachment_note_idx').on(t.noteId)]
);
