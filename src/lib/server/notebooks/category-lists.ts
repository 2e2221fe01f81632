// A notebook's category lists (for instance theme, region, year): up to three, named by managers. A category belongs to
// one list by its index, so removing a list in the middle moves the later ones down a place, categories and all.
import { and, eq, gte } from 'drizzle-orm';
import { ValidationError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { nextVersionTime } from '../db/versions.ts';
import { notebookFor } from './access.ts';
import { MAX_CATEGORY_LISTS } from './schemas.ts';

const { notebook, notebookCategory, notebookNoteCategory } = schema;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The list names under a row lock, so two managers editing lists at once never lose each other's change. */
async function lockedLists(tx: Tx, notebookId: string): Promise<string[]> {
	const [row] = await tx.select({ categoryLists: notebook.categoryLists }).from(notebook).where(eq(notebook.id, notebookId)).for('update');
	return row.categoryLists;
}

/**
 * Sets the names by position. Lists past the new end are deleted with their categories (their notes stay in the
 * notebook, uncategorised there); the first list exists even unnamed, so its categories always stay.
 */
export async function writeCategoryLists(tx: Tx, notebookId: string, names: string[]): Promise<void> {
	await lockedLists(tx, notebookId);
	await tx
		.delete(notebookCategory)
		.where(and(eq(notebookCategory.notebookId, notebookId), gte(notebookCategory.list, Math.max(names.length, 1))));
	await tx
		.update(notebook)
		.set({ categoryLists: names, updatedAt: nextVersionTime(notebook.updatedAt) })
		.where(eq(notebook.id, notebookId));
}

const unknownList = () => new ValidationError('No such category list', { list: ['category_list_unknown'] });

/** Managers add a list after the others (three at most). Returns its index. */
export async function addCategoryList(db: Db, viewer: Viewer, notebookId: string, name: string): Promise<{ list: number }> {
	await notebookFor(db, viewer, notebookId, 'manage');
	return db.transaction(async (tx) => {
		const names = await lockedLists(tx, notebookId);
		if (names.length >= MAX_CATEGORY_LISTS)
			throw new ValidationError('A notebook has three category lists at most', { name: ['category_lists_too_many'] });
		await writeCategoryLists(tx, notebookId, [...names, name]);
		return { list: names.length };
	});
}

/** Managers rename a list; its categories stay. Naming the first list of a notebook that has none names that list. */
export async function renameCategoryList(db: Db, viewer: Viewer, notebookId: string, list: number, name: string): Promise<void> {
	await notebookFor(db, viewer, notebookId, 'manage');
	await db.transaction(async (tx) => {
		const names = await lockedLists(tx, notebookId);
		if (list < 0 || list >= Math.max(names.length, 1)) throw unknownList();
		const next = [...names];
		next[list] = name;
		await writeCategoryLists(tx, notebookId, next);
	});
}

/**
 * Managers delete a named list with its categories; the notes stay in the notebook. The later lists move down a
 * place with their categories and the notes' places in them.
 */
export async function removeCategoryList(db: Db, viewer: Viewer, notebookId: string, list: number): Promise<void> {
	await notebookFor(db, viewer, notebookId, 'manage');
	await db.transaction(async (tx) => {
		const names = await lockedLists(tx, notebookId);
		if (list < 0 || list >= names.length) throw unknownList();
		await tx.delete(notebookCategory).where(and(eq(notebookCategory.notebookId, notebookId), eq(notebookCategory.list, list)));
		// One list at a time, upwards: (notebook, note, list) is a key, and a single UPDATE of every later list could
		// meet a row it has not moved yet.
		for (let from = list + 1; from < names.length; from++) {
			await tx
				.update(notebookCategory)
				.set({ list: from - 1 })
				.where(and(eq(notebookCategory.notebookId, notebookId), eq(notebookCategory.list, from)));
			await tx
				.update(notebookNoteCategory)
				.set({ list: from - 1 })
				.where(and(eq(notebookNoteCategory.notebookId, notebookId), eq(notebookNoteCategory.list, from)));
		}
		await tx
			.update(notebook)
			.set({ categoryLists: names.filter((_, i) => i !== list), updatedAt: nextVersionTime(notebook.updatedAt) })
			.where(eq(notebook.id, notebookId));
	});
}
