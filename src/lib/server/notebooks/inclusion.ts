import { and, eq, inArray, sql } from 'drizzle-orm';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { canViewNote } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { findNoteWithFacts } from '../notes/queries.ts';
import { notebookFor } from './access.ts';

const { notebookNote, notebookNoteCategory, notebookCategory } = schema;

/** The categories named, checked to belong to this notebook, at most one per list. */
async function checkedCategories(db: Db, notebookId: string, categoryIds: readonly string[]) {
	if (!categoryIds.length) return [];
	const rows = await db
		.select({ id: notebookCategory.id, list: notebookCategory.list })
		.from(notebookCategory)
		.where(and(eq(notebookCategory.notebookId, notebookId), inArray(notebookCategory.id, [...categoryIds])));
	if (rows.length !== new Set(categoryIds).size) throw new ValidationError('Unknown category', { categoryIds: ['category_unknown'] });
	if (new Set(rows.map((r) => r.list)).size !== rows.length)
		throw new ValidationError('One category per list', { categoryIds: ['category_one_per_list'] });
	return rows;
}

/**
 * A contributor includes a note they may see, optionally in categories; the inclusion records who and when.
 * `imported` keeps the original facts (demo content and imports only).
 */
export async function includeNote(
	db: Db,
	viewer: Viewer,
	notebookId: string,
	input: { noteId: string; categoryIds: readonly string[] },
	imported?: { includedAt: Date }
): Promise<void> {
	await notebookFor(db, viewer, notebookId, 'contribute');
	const found = await findNoteWithFacts(db, input.noteId);
	if (!found || !canViewNote(viewer, found.facts) || found.facts.deleted)
		throw new NotFoundError('No such note', { noteId: ['note_not_found'] });
	const categories = await checkedCategories(db, notebookId, input.categoryIds);
	await db.transaction(async (tx) => {
		await tx.select({ id: schema.notebook.id }).from(schema.notebook).where(eq(schema.notebook.id, notebookId)).for('update');
		const [existing] = await tx
			.select({ noteId: notebookNote.noteId })
			.from(notebookNote)
			.where(and(eq(notebookNote.notebookId, notebookId), eq(notebookNote.noteId, input.noteId)));
		if (existing) throw new ConflictError('Already in this notebook', { noteId: ['note_already_included'] });
		const [last] = await tx
			.select({ n: sql<number>`coalesce(max(${notebookNote.position}), -1)::int` })
			.from(notebookNote)
			.where(eq(notebookNote.notebookId, notebookId));
		await tx.insert(notebookNote).values({
			notebookId,
			noteId: input.noteId,
			includedBy: viewer.kind === 'account' ? viewer.id : null,
			includedAt: imported?.includedAt,
			position: last.n + 1
		});
		if (categories.length)
			await tx
				.insert(notebookNoteCategory)
				.values(categories.map((c) => ({ notebookId, noteId: input.noteId, list: c.list, categoryId: c.id })));
	});
}

/** Places an included note in a category of one list, or takes it out of that list's categories (null). */
export async function setNoteCategory(
	db: Db,
	viewer: Viewer,
	notebookId: string,
	noteId: string,
	list: number,
	categoryId: string | null
): Promise<void> {
	await notebookFor(db, viewer, notebookId, 'contribute');
	const categories = categoryId ? await checkedCategories(db, notebookId, [categoryId]) : [];
	if (categories.length && categories[0].list !== list) throw new ValidationError('Wrong list', { categoryId: ['category_unknown'] });
	await db.transaction(async (tx) => {
		const [included] = await tx
			.select({ noteId: notebookNote.noteId })
			.from(notebookNote)
			.where(and(eq(notebookNote.notebookId, notebookId), eq(notebookNote.noteId, noteId)));
		if (!included) throw new NotFoundError('Not in this notebook');
		await tx
			.delete(notebookNoteCategory)
			.where(
				and(eq(notebookNoteCategory.notebookId, notebookId), eq(notebookNoteCategory.noteId, noteId), eq(notebookNoteCategory.list, list))
			);
		if (categoryId) await tx.insert(notebookNoteCategory).values({ notebookId, noteId, list, categoryId });
	});
}

/** A contributor takes a note out of the notebook (the note itself stays). */
export async function removeNoteFromNotebook(db: Db, viewer: Viewer, notebookId: string, noteId: string): Promise<void> {
	await notebookFor(db, viewer, notebookId, 'contribute');
	const removed = await db
		.delete(notebookNote)
		.where(and(eq(notebookNote.notebookId, notebookId), eq(notebookNote.noteId, noteId)))
		.returning({ noteId: notebookNote.noteId });
	if (!removed.length) throw new NotFoundError('Not in this notebook');
}

/** Managers pin a note to the top of the notebook, or unpin it. */
export async function pinNote(db: Db, viewer: Viewer, notebookId: string, noteId: string, pinned: boolean): Promise<void> {
	await notebookFor(db, viewer, notebookId, 'manage');
	const changed = await db
		.update(notebookNote)
		.set({ pinned })
		.where(and(eq(notebookNote.notebookId, notebookId), eq(notebookNote.noteId, noteId)))
		.returning({ noteId: notebookNote.noteId });
	if (!changed.length) throw new NotFoundError('Not in this notebook');
}
