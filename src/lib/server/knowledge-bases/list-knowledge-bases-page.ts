import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { decodeCursor, pageOf } from '../db/cursor.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { visibleNotebookFilter } from '../notebooks/visibility-filter.ts';
import { listVisibleKnowledgeBases } from './queries.ts';
import type { ListKnowledgeBasesQuery } from './schemas.ts';

const { knowledgeBase, knowledgeBaseNotebook, notebook } = schema;

/**
 * One page of the knowledge bases this viewer may see, by title, each with the number of its notebooks the viewer
 * may see. Anyone may call it. Throws ValidationError for a cursor it did not issue.
 */
export async function listKnowledgeBasesPage(db: Db, viewer: Viewer, query: ListKnowledgeBasesQuery) {
	const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
	const rows = await listVisibleKnowledgeBases(
		db,
		viewer,
		after ? sql`(${knowledgeBase.title}, ${knowledgeBase.id}) > (${after[0]}, ${after[1]})` : undefined
	).limit(query.limit + 1);
	const { page, next } = pageOf(rows, query.limit, (r) => [r.title, r.id]);
	// Counts count only the notebooks this viewer may see (DESIGN §6): "3 notebooks" must not reveal a hidden one.
	// One grouped query for the page; the join keeps drizzle's column names qualified.
	const counts = page.length
		? await db
				.select({ id: knowledgeBaseNotebook.knowledgeBaseId, n: count() })
				.from(knowledgeBaseNotebook)
				.innerJoin(notebook, eq(notebook.id, knowledgeBaseNotebook.notebookId))
				.where(
					and(
						inArray(
							knowledgeBaseNotebook.knowledgeBaseId,
							page.map((r) => r.id)
						),
						sql`${notebook.deletedAt} is null`,
						visibleNotebookFilter(viewer)
					)
				)
				.groupBy(knowledgeBaseNotebook.knowledgeBaseId)
		: [];
	const byId = new Map(counts.map((c) => [c.id, c.n]));
	return { items: page.map((r) => ({ ...r, notebookCount: byId.get(r.id) ?? 0 })), next };
}

export type KnowledgeBaseListItem = Awaited<ReturnType<typeof listKnowledgeBasesPage>>['items'][number];
