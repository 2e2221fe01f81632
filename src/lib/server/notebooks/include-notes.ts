// The batch twin of includeNote and setNoteCategory, for an import's chunk: a few statements for hundreds of notes
// instead of eight per note.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { insertRows } from '../db/write-rows.ts';
import { notebookFor } from './access.ts';

const { notebook, notebookNote, notebookNoteCategory } = schema;

/**
 * Checks, before a chunk is written, that the viewer may add notes to this notebook (NotFoundError if they may not
 * see it, ForbiddenError if they only read it): the check includeNote makes for each note.
 */
export const assertCanContribute = (db: Db, viewer: Viewer, notebookId: string) => notebookFor(db, viewer, notebookId, 'contribute');

/**
 * Inside the chunk's transaction: includes the notes that are not in the notebook yet, last, recording the viewer
 * and now, in their categories; a note already there is placed again in each list its placement names, as
 * setNoteCategory does. The caller checked the right to contribute and that the notes are the viewer's to include
 * (just written by them); the categories come from the notebook's own lists.
 */
export async function includeNotes(
	tx: Db,
	includedBy: string,
	notebookId: string,
	items: readonly { noteId: string; placement: { categoryIds: readonly (string | null)[] } }[]
): Promise<void> {
	if (!items.length) return;
	// The lock includeNote takes: positions stay unique when someone includes a note meanwhile.
	await tx.select({ id: notebook.id }).from(notebook).where(eq(notebook.id, notebookId)).for('update');
	const ids = items.map((i) => i.noteId);
	const present = new Set(
		(
			await tx
				.select({ noteId: notebookNote.noteId })
				.from(notebookNote)
				.where(and(eq(notebookNote.notebookId, notebookId), inArray(notebookNote.noteId, ids)))
		).map((r) => r.noteId)
	);
	const [last] = await tx
		.select({ n: sql<number>`coalesce(max(${notebookNote.position}), -1)::int` })
		.from(notebookNote)
		.where(eq(notebookNote.notebookId, notebookId));
	const fresh = items.filter((i) => !present.has(i.noteId));
	const again = items.filter((i) => present.has(i.noteId));
	const categoryRows = (list: typeof items) =>
		list.flatMap(({ noteId, placement }) =>
			placement.categoryIds.flatMap((categoryId, list) => (categoryId ? [{ notebookId, noteId, list, categoryId }] : []))
		);
	await insertRows(
		tx,
		notebookNote,
		fresh.map((i, n) => ({ notebookId, noteId: i.noteId, includedBy, position: last.n + 1 + n }))
	);
	// Placed again: each list the placement names loses the note's old category there.
	const replaced = categoryRows(again);
	for (const list of new Set(replaced.map((r) => r.list)))
		await tx.delete(notebookNoteCategory).where(
			and(
				eq(notebookNoteCategory.notebookId, notebookId),
				eq(notebookNoteCategory.list, list),
				inArray(
					notebookNoteCategory.noteId,
					replaced.filter((r) => r.list === list).map((r) => r.noteId)
				)
			)
		);
	await insertRows(tx, notebookNoteCategory, [...categoryRows(fresh), ...replaced]);
}
