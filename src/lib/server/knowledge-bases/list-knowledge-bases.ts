import { and, asc, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { visibleKnowledgeBaseFilter } from './visibility-filter.ts';

const { knowledgeBase, knowledgeBaseMember, knowledgeBaseNotebook } = schema;

/**
 * The knowledge bases this viewer may see, by title: those a given account manages (`managerId`), or those that
 * include a given notebook (`notebookId`), or all.
 */
export const listKnowledgeBases = (db: Db, viewer: Viewer, by: { managerId?: string; notebookId?: string } = {}) =>
	db
		.select({
			id: knowledgeBase.id,
			title: knowledgeBase.title,
			description: knowledgeBase.description,
			visibility: knowledgeBase.visibility
		})
		.from(knowledgeBase)
		.where(
			and(
				visibleKnowledgeBaseFilter(viewer),
				sql`${knowledgeBase.deletedAt} is null`,
				by.managerId
					? sql`exists (select 1 from ${knowledgeBaseMember} where ${knowledgeBaseMember.knowledgeBaseId} = ${knowledgeBase.id}
						and ${knowledgeBaseMember.accountId} = ${by.managerId})`
					: undefined,
				by.notebookId
					? sql`exists (select 1 from ${knowledgeBaseNotebook} where ${knowledgeBaseNotebook.knowledgeBaseId} = ${knowledgeBase.id}
						and ${eq(knowledgeBaseNotebook.notebookId, by.notebookId)})`
					: undefined
			)
		)
		.orderBy(asc(knowledgeBase.title), asc(knowledgeBase.id));
