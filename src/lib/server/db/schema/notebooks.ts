import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './accounts.ts';
import { community } from './communities.ts';
import { note } from './notes.ts';

/**
 * A notebook (carnet): a curated collection of notes. A note may sit in several notebooks; linking a notebook to a
 * community lets its members contribute and unlocks community visibility for it.
 */
export const notebook = pgTable(
	'notebook',
	{
		id: text('id').primaryKey(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		visibility: text('visibility', { enum: ['public', 'community', 'private'] }).notNull(),
		communityId: text('community_id').references(() => community.id, { onDelete: 'set null' }),
		// Up to three category lists (e.g. theme, region, year): their names, in order; a note has at most one
		// category in each.
		categoryLists: text('category_lists')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		// Shown to contributors when they add a note (Markdown).
		guide: text('guide').notNull().default(''),
		// A note that serves as the table of contents of a long work (report, thesis, proceedings).
		tocNoteId: text('toc_note_id').references(() => note.id, { onDelete: 'set null' }),
		// The cover picture, re-encoded without metadata and stored under DATA_DIR like attachments; its alt text.
		coverKey: text('cover_key'),
		coverAlt: text('cover_alt').notNull().default(''),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		deletedAt: timestamp('deleted_at', { withTimezone: true })
	},
	(t) => [index('notebook_community_idx').on(t.communityId)]
);

/** Managers curate (categories, order, pins, members); contributors add and place notes. */
export const notebookMember = pgTable(
	'notebook_member',
	{
		notebookId: text('notebook_id')
			.notNull()
			.references(() => notebook.id, { onDelete: 'cascade' }),
		accountId: text('account_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['manager', 'contributor'] }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.notebookId, t.accountId] }), index('notebook_member_account_idx').on(t.accountId)]
);

/** A person a manager invited to take part; they become a member once they accept (and may decline). */
export const notebookInvitation = pgTable(
	'notebook_invitation',
	{
		notebookId: text('notebook_id')
			.notNull()
			.references(() => notebook.id, { onDelete: 'cascade' }),
		accountId: text('account_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['manager', 'contributor'] }).notNull(),
		invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.notebookId, t.accountId] }), index('notebook_invitation_account_idx').on(t.accountId)]
);

/** A category of one of the notebook's lists (`list` indexes categoryLists), in the order managers set. */
export const notebookCategory = pgTable(
	'notebook_category',
	{
		id: text('id').primaryKey(),
		notebookId: text('notebook_id')
			.notNull()
			.references(() => notebook.id, { onDelete: 'cascade' }),
		list: smallint('list').notNull().default(0),
		name: text('name').notNull(),
		position: integer('position').notNull()
	},
	(t) => [index('notebook_category_notebook_idx').on(t.notebookId, t.list, t.position)]
);

/** A note included in a notebook: who included it, when, its manual place and whether it is pinned. */
export const notebookNote = pgTable(
	'notebook_note',
	{
		notebookId: text('notebook_id')
			.notNull()
			.references(() => notebook.id, { onDelete: 'cascade' }),
		noteId: text('note_id')
			.notNull()
			.references(() => note.id, { onDelete: 'cascade' }),
		includedBy: text('included_by').references(() => user.id, { onDelete: 'set null' }),
		includedAt: timestamp('included_at', { withTimezone: true }).notNull().defaultNow(),
		position: integer('position').notNull().default(0),
		pinned: boolean('pinned').notNull().default(false)
	},
	(t) => [primaryKey({ columns: [t.notebookId, t.noteId] }), index('notebook_note_note_idx').on(t.noteId)]
);

/** The note's category in one list of the notebook; none means "uncategorised" in that list. */
export const notebookNoteCategory = pgTable(
	'notebook_note_category',
	{
		notebookId: text('notebook_id').notNull(),
		noteId: text('note_id').notNull(),
		list: smallint('list').notNull(),
		categoryId: text('category_id')
			.notNull()
			.references(() => notebookCategory.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.notebookId, t.noteId, t.list] }),
		foreignKey({ columns: [t.notebookId, t.noteId], foreignColumns: [notebookNote.notebookId, notebookNote.noteId] }).onDelete('cascade'),
		uniqueIndex('notebook_note_category_category_idx').on(t.categoryId, t.noteId)
	]
);
