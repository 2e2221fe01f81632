import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './accounts.ts';

/** Admins may see hidden items for moderation, and each such view is recorded (DESIGN §6). */
export const adminView = pgTable(
	'admin_view',
	{
		id: text('id').primaryKey(),
		adminId: text('admin_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		resourceType: text('resource_type').notNull(),
		resourceId: text('resource_id').notNull(),
		viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('admin_view_resource_idx').on(t.resourceType, t.resourceId), index('admin_view_admin_idx').on(t.adminId, t.viewedAt)]
);
