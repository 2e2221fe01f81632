import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './accounts.ts';
import { community } from './communities.ts';
import { notebook } from './notebooks.ts';

/**
 * A knowledge base: a set of notebooks read together (a report for a funder, a field's reference shelf). A notebook
 * may sit in several; the knowledge base never shows a notebook or a note its reader may not see.
 */
export const knowledgeBase = pgTable(
	'knowledge_base',
	{
		id: text('id').primaryKey(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		visibility: text('visibility', { enum: ['public', 'community', 'private'] }).notNull(),
		communityId: text('community_id').references(() => community.id, { onDelete: 'set null' }),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		deletedAt: timestamp('deleted_at', { withTimezone: true })
	},
	(t) => [index('knowledge_base_community_idx').on(t.communityId)]
);

/** Managers choose the notebooks of the knowledge base (and may see it even when private). */
export const knowledgeBaseMember = pgTable(
	'knowledge_base_member',
	{
		knowledgeBaseId: text('knowledge_base_id')
			.notNull()
			.references(() => knowledgeBase.id, { onDelete: 'cascade' }),
		accountId: text('account_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['manager'] }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.knowledgeBaseId, t.accountId] }), index('knowledge_base_member_account_idx').on(t.accountId)]
);

/** A notebook in a knowledge base, in the managers' order. */
export const knowledgeBaseNotebook = pgTable(
	'knowledge_base_notebook',
	{
		knowledgeBaseId: text('knowledge_base_id')
			.notNull()
			.references(() => knowledgeBase.id, { onDelete: 'cascade' }),
		notebookId: text('notebook_id')
			.notNull()
			.references(() => notebook.id, { onDelete: 'cascade' }),
		position: integer('position').notNull().default(0),
		addedBy: text('added_by').references(() => user.id, { onDelete: 'set null' }),
		addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.knowledgeBaseId, t.notebookId] }), index('knowledge_base_notebook_notebook_idx').on(t.notebookId)]
);
