import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './accounts.ts';
import { community } from './communities.ts';
import { conversation } from './conversations.ts';
import { message, thread } from './discussions.ts';
import { note } from './notes.ts';

export const NOTIFICATION_KINDS = [
	'reply',
	'mention',
	'thread',
	'membership_request',
	'membership_approved',
	'coauthor_invitation',
	'note_shared',
	'direct_message'
] as const;

/**
 * Something that happened for one account. Shown in the app (the bell) until read; emailed per the account's
 * preference for its community: at once, or in a daily or weekly digest. `emailed_at` is set in the transaction that
 * queues the email holding it (mail_outbox), so no item is ever emailed twice.
 */
export const notification = pgTable(
	'notification',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
		actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
		communityId: text('community_id').references(() => community.id, { onDelete: 'cascade' }),
		threadId: text('thread_id').references(() => thread.id, { onDelete: 'cascade' }),
		messageId: text('message_id').references(() => message.id, { onDelete: 'cascade' }),
		noteId: text('note_id').references(() => note.id, { onDelete: 'cascade' }),
		conversationId: text('conversation_id').references(() => conversation.id, { onDelete: 'cascade' }),
		payload: jsonb('payload')
			.notNull()
			.default(sql`'{}'::jsonb`),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		readAt: timestamp('read_at', { withTimezone: true }),
		emailedAt: timestamp('emailed_at', { withTimezone: true })
	},
	(t) => [
		index('notification_account_idx').on(t.accountId, t.createdAt),
		index('notification_unemailed_idx')
			.on(t.createdAt)
			.where(sql`${t.emailedAt} is null`)
	]
);

/** How a member wants a community's notifications by email; without a row, the default of domain/notifications. */
export const notificationPreference = pgTable(
	'notification_preference',
	{
		accountId: text('account_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		communityId: text('community_id')
			.notNull()
			.references(() => community.id, { onDelete: 'cascade' }),
		email: text('email', { enum: ['immediate', 'daily', 'weekly', 'off'] }).notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.accountId, t.communityId] })]
);

/**
 * An account's email setting for what concerns it personally, outside any community (direct messages, co-author
 * invitations); without a row, the default of domain/notifications.
 */
export const notificationSetting = pgTable('notification_setting', {
	accountId: text('account_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	personalEmail: text('personal_email', { enum: ['immediate', 'daily', 'weekly', 'off'] }).notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * Emails waiting to be sent and sent: written in the transaction that decides to send them, delivered after the
 * commit by the mail sender, which marks `sent_at`. A crash between the two never loses a decision.
 */
export const mailOutbox = pgTable(
	'mail_outbox',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id').references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		recipient: text('recipient').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		html: text('html'),
		headers: jsonb('headers')
			.notNull()
			.default(sql`'{}'::jsonb`),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error')
	},
	(t) => [
		index('mail_outbox_unsent_idx')
			.on(t.createdAt)
			.where(sql`${t.sentAt} is null`)
	]
);

/**
 * Scheduled jobs (the daily and weekly digests): when each is next due. A job claims its run by moving `next_run_at`
 * forward in the same transaction that does the work, so a restart or a second app process never runs it twice and a
 * run missed while the app was down is made up at start-up.
 */
export const jobSchedule = pgTable('job_schedule', {
	name: text('name').primaryKey(),
	nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
	lastRunAt: timestamp('last_run_at', { withTimezone: true })
});
