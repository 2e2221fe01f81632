import { eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { listVisibleKnowledgeBases } from './queries.ts';

const { knowledgeBase, knowledgeBaseMember, knowledgeBaseNotebook } = schema;

/**
 * The knowledge bases this viewer may see, by title: those a given account manages (`managerId`), or those that
 * include a given notebook (`notebookId`), or all.
 */
export const listKnowledgeBases = (db: Db, viewer: Viewer, by: { managerId?: string; notebookId?: string } = {}) =>
	listVisibleKnowledgeBases(
		db,
		viewer,
		by.managerId
			? sql`exists (select 1 from ${knowledgeBaseMember} where ${knowledgeBaseMember.knowledgeBaseId} = ${knowledgeBase.id}
				and ${knowledgeBaseMember.accountId} = ${by.managerId})`
			: undefined,
		by.notebookId
			? sql`exists (select 1 from ${knowledgeBaseNotebook} where ${knowledgeBaseNotebook.knowledgeBaseId} = ${knowledgeBase.id}
				and ${eq(knowledgeBaseNotebook.notebookId, by.notebookId)})`
			: undefined
	);
