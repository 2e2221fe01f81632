import { and, eq, sql } from 'drizzle-orm';
import { NotFoundError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { notebookFor } from './access.ts';

const { notebook, notebookNote, notebookNoteCategory } = schema;

/**
 * Managers set the notebook's own order (its default sort) by moving a note one place up or down among the notes of
 * its category in the first list (or among the uncategorised ones), pinned ones staying first.
 */
export async function moveNoteInNotebook(db: Db, viewer: Viewer, notebookId: string, noteId: string, direction: 'up' | 'down') {
	await notebookFor(db, viewer, notebookId, 'manage');
	await db.transaction(async (tx) => {
		await tx.select({ id: notebook.id }).from(notebook).where(eq(notebook.id, notebookId)).for('update');
		// Two plain queries: a correlated subquery in a one-table select would lose its table names.
		const [inclusions, categories] = await Promise.all([
			tx
				.select({ noteId: notebookNote.noteId, position: notebookNote.position, pinned: notebookNote.pinned })
				.from(notebookNote)
				.where(eq(notebookNote.notebookId, notebookId))
				.orderBy(sql`${notebookNote.pinned} desc`, sql`${notebookNote.position} asc`),
			tx
				.select({ noteId: notebookNoteCategory.noteId, categoryId: notebookNoteCategory.categoryId })
				.from(notebookNoteCategory)
				.where(and(eq(notebookNoteCategory.notebookId, notebookId), eq(notebookNoteCategory.list, 0)))
		]);
		const categoryOf = new Map(categories.map((c) => [c.noteId, c.categoryId]));
		const rows = inclusions.map((r) => ({ ...r, category: categoryOf.get(r.noteId) ?? null }));
		const target = rows.find((r) => r.noteId === noteId);
		if (!target) throw new NotFoundError('Not in this notebook');
		const group = rows.filter((r) => r.category === target.category && r.pinned === target.pinned);
		const i = group.indexOf(target);
		const other = group[direction === 'up' ? i - 1 : i + 1];
		if (!other) return;
		const setPosition = (id: string, position: number) =>
			tx
				.update(notebookNote)
				.set({ position })
				.where(and(eq(notebookNote.notebookId, notebookId), eq(notebookNote.noteId, id)));
		await setPosition(target.noteId, other.position);
		await setPosition(other.noteId, target.position);
	});
}
