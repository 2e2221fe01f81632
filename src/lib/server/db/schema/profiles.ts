import { pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { user } from './accounts.ts';

export const profile = pgTable(
	'profile',
	{
		accountId: text('account_id')
			.primaryKey()
			.references(() => user.id, { onDelete: 'cascade' }),
		handle: text('handle').notNull(),
		displayName: text('display_name').notNull(),
		bio: text('bio').notNull().default(''),
		pronouns: text('pronouns').notNull().default(''),
		organisation: text('organisation').notNull().default(''),
		locale: text('locale', { enum: ['fr', 'en'] })
			.notNull()
			.default('fr'),
		avatarKey: text('avatar_key'),
		avatarMime: text('avatar_mime'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	// Handles are unique regardless of case: "Marie" and "marie" are the same person in a URL.
	(t) => [uniqueIndex('profile_handle_lower_idx').on(sql`lower(${t.handle})`)]
);
