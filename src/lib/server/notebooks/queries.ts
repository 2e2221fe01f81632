import { and, asc, count, eq, getTableColumns, sql } from 'drizzle-orm';
import type { NotebookFacts } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { microsText } from '../db/versions.ts';
import { visibleNoteFilter } from '../notes/visibility-filter.ts';

const { notebook, notebookMember, notebookCategory, notebookNote, notebookNoteCategory, note } = schema;

/** A notebook's row, and its version: what an edit of its settings started from (update-notebook.ts). */
export type NotebookRow = typeof notebook.$inferSelect & { version: string };

const notebookColumns = { ...getTableColumns(notebook), version: microsText(notebook.updatedAt) };

/** The notebook and what the visibility rule needs to know about it; undefined when no such id exists. */
export async function findNotebookWithFacts(db: Db, id: string): Promise<{ row: NotebookRow; facts: NotebookFacts } | undefined> {
	const [[row], members] = await Promise.all([
		db.select(notebookColumns).from(notebook).where(eq(notebook.id, id)),
		db
			.select({ accountId: notebookMember.accountId, role: notebookMember.role })
			.from(notebookMember)
			.where(eq(notebookMember.notebookId, id))
	]);
	if (!row) return undefined;
	return {
		row,
		facts: {
			visibility: row.visibility,
			communityId: row.communityId,
			managerIds: members.filter((m) => m.role === 'manager').map((m) => m.accountId),
			contributorIds: members.filter((m) => m.role === 'contributor').map((m) => m.accountId),
			deleted: row.deletedAt !== null
		}
	};
}

/** Categories of every list, in order, each with the count of its notes this viewer may see. */
export async function listCategories(db: Db, viewer: Viewer, notebookId: string) {
	const [categories, counts] = await Promise.all([
		db
			.select({ id: notebookCategory.id, list: notebookCategory.list, name: notebookCategory.name, position: notebookCategory.position })
			.from(notebookCategory)
			.where(eq(notebookCategory.notebookId, notebookId))
			.orderBy(asc(notebookCategory.list), asc(notebookCategory.position)),
		db
			.select({ categoryId: notebookNoteCategory.categoryId, n: count() })
			.from(notebookNoteCategory)
			.innerJoin(note, eq(note.id, notebookNoteCategory.noteId))
			.where(and(eq(notebookNoteCategory.notebookId, notebookId), sql`${note.deletedAt} is null`, visibleNoteFilter(viewer)))
			.groupBy(notebookNoteCategory.categoryId)
	]);
	const byCategory = new Map(counts.map((c) => [c.categoryId, c.n]));
	return categories.map((c) => ({ ...c, noteCount: byCategory.get(c.id) ?? 0 }));
}

/** How many of the notebook's notes this viewer may see (DESIGN §6: counts count only what the viewer may see). */
export async function countVisibleNotes(db: Db, viewer: Viewer, notebookId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(notebookNote)
		.innerJoin(note, eq(note.id, notebookNote.noteId))
		.where(and(eq(notebookNote.notebookId, notebookId), sql`${note.deletedAt} is null`, visibleNoteFilter(viewer)));
	return row.n;
}
