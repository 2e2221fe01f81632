import { index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { user } from './accounts.ts';

export const community = pgTable(
	'community',
	{
		id: text('id').primaryKey(),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		visibility: text('visibility', { enum: ['public', 'closed', 'secret'] }).notNull(),
		// A community of practice gathers people around a theme or a territory (then its region, as the directory names
		// regions); the communities list filters on both.
		kind: text('kind', { enum: ['thematic', 'territorial'] })
			.notNull()
			.default('thematic'),
		region: text('region'),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('community_slug_lower_idx').on(sql`lower(${t.slug})`)]
);

export const membership = pgTable(
	'membership',
	{
		communityId: text('community_id')
			.notNull()
			.references(() => community.id, { onDelete: 'cascade' }),
		accountId: text('account_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['host', 'member'] }).notNull(),
		status: text('status', { enum: ['active', 'pending', 'invited'] }).notNull(),
		invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.communityId, t.accountId] }), index('membership_account_idx').on(t.accountId, t.status)]
);

/** An invitation sent to an email address that has no account yet; it becomes a membership on acceptance. */
export const communityInvitation = pgTable(
	'community_invitation',
	{
		id: text('id').primaryKey(),
		communityId: text('community_id')
			.notNull()
			.references(() => community.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true })
	},
	(t) => [index('community_invitation_email_idx').on(sql`lower(${t.email})`)]
);
