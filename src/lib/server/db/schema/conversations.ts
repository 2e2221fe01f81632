import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './accounts.ts';
import { note } from './notes.ts';

/**
 * A private conversation between two or more members (direct messages). Only its participants may learn that it
 * exists. `note_id`: the note it began from ("Contact the author"), if any.
 */
export const conversation = pgTable('conversation', {
	id: text('id').primaryKey(),
	createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
	noteId: text('note_id').references(() => note.id, { onDelete: 'set null' }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow()
});

/** A participant, and what they have read: the messages after `last_read_at` are their unread ones. */
export const conversationParticipant = pgTable(
	'conversation_participant',
	{
		conversationId: text('conversation_id')
			.notNull()
			.references(() => conversation.id, { onDelete: 'cascade' }),
		accountId: text('account_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
		lastReadAt: timestamp('last_read_at', { withTimezone: true })
	},
	(t) => [primaryKey({ columns: [t.conversationId, t.accountId] }), index('conversation_participant_account_idx').on(t.accountId)]
);

export const directMessage = pgTable(
	'direct_message',
	{
		id: text('id').primaryKey(),
		conversationId: text('conversation_id')
			.notNull()
			.references(() => conversation.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		editedAt: timestamp('edited_at', { withTimezone: true }),
		deletedAt: timestamp('deleted_at', { withTimezone: true })
	},
	(t) => [index('direct_message_conversation_idx').on(t.conversationId, t.createdAt)]
);
