import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './accounts.ts';
import { community } from './communities.ts';
import { note } from './notes.ts';

/**
 * A discussion thread of communities of practice (Passerelles). It starts in one community (`community_id`, its home)
 * and may be cross-posted to other communities its author belongs to (thread_community, which also holds the home):
 * one thread, shown in each, its replies kept together. A thread about a note ("Discuss this note", a note shared
 * into its community) has `note_id`; a note has at most one.
 */
export const thread = pgTable(
	'thread',
	{
		id: text('id').primaryKey(),
		communityId: text('community_id')
			.notNull()
			.references(() => community.id, { onDelete: 'cascade' }),
		noteId: text('note_id').references(() => note.id, { onDelete: 'cascade' }),
		// Optional: a light post has none, and is shown by its first words.
		title: text('title').notNull().default(''),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
		lockedAt: timestamp('locked_at', { withTimezone: true }),
		lockedBy: text('locked_by').references(() => user.id, { onDelete: 'set null' })
	},
	(t) => [
		uniqueIndex('thread_note_idx')
			.on(t.noteId)
			.where(sql`${t.noteId} is not null`),
		index('thread_community_idx').on(t.communityId)
	]
);

/** The communities a thread is shown in: its home and those it was cross-posted to. */
export const threadCommunity = pgTable(
	'thread_community',
	{
		threadId: text('thread_id')
			.notNull()
			.references(() => thread.id, { onDelete: 'cascade' }),
		communityId: text('community_id')
			.notNull()
			.references(() => community.id, { onDelete: 'cascade' }),
		addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.threadId, t.communityId] }), index('thread_community_community_idx').on(t.communityId)]
);

/**
 * A message of a thread: its first message opens it, the others reply, to the thread or to one message (`parent_id`).
 * Markdown, like notes. Its author edits (`edited_at`) or deletes it (`deleted_at`: its text is gone, its place kept
 * for the replies); a host hides it (`hidden_at`). `shared_note_id`: a note shared into the discussion, shown as a card.
 */
export const message = pgTable(
	'message',
	{
		id: text('id').primaryKey(),
		threadId: text('thread_id')
			.notNull()
			.references(() => thread.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		parentId: text('parent_id'),
		body: text('body').notNull().default(''),
		sharedNoteId: text('shared_note_id').references(() => note.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		editedAt: timestamp('edited_at', { withTimezone: true }),
		deletedAt: timestamp('deleted_at', { withTimezone: true }),
		hiddenAt: timestamp('hidden_at', { withTimezone: true }),
		hiddenBy: text('hidden_by').references(() => user.id, { onDelete: 'set null' })
	},
	(t) => [
		foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'message_parent_fk' }).onDelete('set null'),
		index('message_thread_idx').on(t.threadId, t.createdAt),
		index('message_author_idx').on(t.authorId)
	]
);

/** The #hashtags of a message, lower-cased and without the #. */
export const messageTag = pgTable(
	'message_tag',
	{
		messageId: text('message_id')
			.notNull()
			.references(() => message.id, { onDelete: 'cascade' }),
		tag: text('tag').notNull()
	},
	(t) => [primaryKey({ columns: [t.messageId, t.tag] }), index('message_tag_tag_idx').on(t.tag)]
);

/** The accounts a message @mentions: each is notified once, not again when the message is edited. */
export const messageMention = pgTable(
	'message_mention',
	{
		messageId: text('message_id')
			.notNull()
			.references(() => message.id, { onDelete: 'cascade' }),
		accountId: text('account_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.messageId, t.accountId] })]
);

/** A file attached to a message, stored like note attachments and served through the message's visibility. */
export const messageAttachment = pgTable(
	'message_attachment',
	{
		id: text('id').primaryKey(),
		messageId: text('message_id')
			.notNull()
			.references(() => message.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['image', 'document', 'audio', 'video'] }).notNull(),
		filename: text('filename').notNull(),
		mime: text('mime').notNull(),
		size: integer('size').notNull(),
		storageKey: text('storage_key').notNull().unique(),
		altText: text('alt_text').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('message_attachment_message_idx').on(t.messageId)]
);

/** A member's report of a message to the hosts; one per member and message. */
export const messageReport = pgTable(
	'message_report',
	{
		id: text('id').primaryKey(),
		messageId: text('message_id')
			.notNull()
			.references(() => message.id, { onDelete: 'cascade' }),
		reporterId: text('reporter_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		reason: text('reason').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		resolvedAt: timestamp('resolved_at', { withTimezone: true }),
		resolvedBy: text('resolved_by').references(() => user.id, { onDelete: 'set null' })
	},
	(t) => [uniqueIndex('message_report_reporter_idx').on(t.messageId, t.reporterId)]
);
