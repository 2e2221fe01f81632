import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { KnowledgeBaseFacts } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { visibleNotebookFilter } from '../notebooks/visibility-filter.ts';
import { visibleNoteFilter } from '../notes/visibility-filter.ts';
import { visibleKnowledgeBaseFilter } from './visibility-filter.ts';

const { knowledgeBase, knowledgeBaseMember, knowledgeBaseNotebook, notebook, notebookNote, note } = schema;

export type KnowledgeBaseRow = typeof knowledgeBase.$inferSelect;

/** The knowledge base and what the visibility rule needs to know about it; undefined when no such id exists. */
export async function findKnowledgeBaseWithFacts(
	db: Db,
	id: string
): Promise<{ row: KnowledgeBaseRow; facts: KnowledgeBaseFacts } | undefined> {
	const [[row], members] = await Promise.all([
		db.select().from(knowledgeBase).where(eq(knowledgeBase.id, id)),
		db.select({ accountId: knowledgeBaseMember.accountId }).from(knowledgeBaseMember).where(eq(knowledgeBaseMember.knowledgeBaseId, id))
	]);
	if (!row) return undefined;
	return {
		row,
		facts: {
			visibility: row.visibility,
			communityId: row.communityId,
			managerIds: members.map((m) => m.accountId),
			deleted: row.deletedAt !== null
		}
	};
}

/**
 * The knowledge bases this viewer may see, deleted ones aside, by title then id (the order the cursor of a page
 * follows), narrowed by `where`: the whole listing and its pages read the same rows.
 */
export const listVisibleKnowledgeBases = (db: Db, viewer: Viewer, ...where: (SQL | undefined)[]) =>
	db
		.select({
			id: knowledgeBase.id,
			title: knowledgeBase.title,
			description: knowledgeBase.description,
			visibility: knowledgeBase.visibility
		})
		.from(knowledgeBase)
		.where(and(visibleKnowledgeBaseFilter(viewer), sql`${knowledgeBase.deletedAt} is null`, ...where))
		.orderBy(asc(knowledgeBase.title), asc(knowledgeBase.id));

/**
 * "The notebooks of this knowledge base that this viewer may see": the SQL condition, on `notebook`, shared by the
 * listing, the counts and the search so that none of them reveals a hidden notebook.
 */
export const inVisibleNotebookOf = (viewer: Viewer, kbId: string) =>
	and(
		sql`exists (select 1 from ${knowledgeBaseNotebook} where ${knowledgeBaseNotebook.knowledgeBaseId} = ${kbId}
			and ${knowledgeBaseNotebook.notebookId} = ${notebook.id})`,
		sql`${notebook.deletedAt} is null`,
		visibleNotebookFilter(viewer)
	);

/** Its notebooks this viewer may see, in the managers' order, each with the count of its notes the viewer may see. */
export const listKnowledgeBaseNotebooks = (db: Db, viewer: Viewer, kbId: string) =>
	db
		.select({
			id: notebook.id,
			title: notebook.title,
			description: notebook.description,
			visibility: notebook.visibility,
			// Counts count only what the viewer may see (DESIGN §6).
			noteCount: sql<number>`(select count(*) from ${notebookNote} join ${note} on ${note.id} = ${notebookNote.noteId}
				where ${notebookNote.notebookId} = ${notebook.id} and ${note.deletedAt} is null and ${visibleNoteFilter(viewer)})`.mapWith(Number)
		})
		.from(knowledgeBaseNotebook)
		.innerJoin(notebook, eq(notebook.id, knowledgeBaseNotebook.notebookId))
		.where(and(eq(knowledgeBaseNotebook.knowledgeBaseId, kbId), inVisibleNotebookOf(viewer, kbId)))
		.orderBy(asc(knowledgeBaseNotebook.position), asc(notebook.title));

/** The condition, on `note`, "is in a notebook of this knowledge base that the viewer may see". */
export const inKnowledgeBase = (viewer: Viewer, kbId: string) =>
	sql`exists (select 1 from ${notebookNote} join ${notebook} on ${notebook.id} = ${notebookNote.notebookId}
		where ${notebookNote.noteId} = ${note.id} and ${inVisibleNotebookOf(viewer, kbId)})`;

/** Distinct notes across its visible notebooks that the viewer may see. */
export async function countKnowledgeBaseNotes(db: Db, viewer: Viewer, kbId: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)`.mapWith(Number) })
		.from(note)
		.where(and(sql`${note.deletedAt} is null`, visibleNoteFilter(viewer), inKnowledgeBase(viewer, kbId)));
	return row.n;
}
