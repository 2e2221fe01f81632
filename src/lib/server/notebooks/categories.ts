import { and, asc, eq, sql } from 'drizzle-orm';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { notebookFor } from './access.ts';
import type { CategoryInput } from './schemas.ts';

const { notebookCategory } = schema;

/** Managers add a category at the end of one of the notebook's lists. */
export async function addCategory(db: Db, viewer: Viewer, notebookId: string, input: CategoryInput): Promise<{ id: string }> {
	const { row } = await notebookFor(db, viewer, notebookId, 'manage');
	// The first list exists even unnamed; the others once the managers name them.
	if (input.list > 0 && input.list >= row.categoryLists.length)
		throw new ValidationError('No such category list', { list: ['category_list_unknown'] });
	const id = newId();
	await db.transaction(async (tx) => {
		await tx.select({ id: schema.notebook.id }).from(schema.notebook).where(eq(schema.notebook.id, notebookId)).for('update');
		const [last] = await tx
			.select({ n: sql<number>`coalesce(max(${notebookCategory.position}), -1)::int` })
			.from(notebookCategory)
			.where(and(eq(notebookCategory.notebookId, notebookId), eq(notebookCategory.list, input.list)));
		await tx.insert(notebookCategory).values({ id, notebookId, list: input.list, name: input.name, position: last.n + 1 });
	});
	return { id };
}

async function categoryOf(db: Db, notebookId: string, categoryId: string) {
	const [row] = await db
		.select()
		.from(notebookCategory)
		.where(and(eq(notebookCategory.id, categoryId), eq(notebookCategory.notebookId, notebookId)));
	if (!row) throw new NotFoundError('No such category');
	return row;
}

export async function renameCategory(db: Db, viewer: Viewer, notebookId: string, categoryId: string, name: string): Promise<void> {
	await notebookFor(db, viewer, notebookId, 'manage');
	await categoryOf(db, notebookId, categoryId);
	await db.update(notebookCategory).set({ name }).where(eq(notebookCategory.id, categoryId));
}

/** Moves a category one place up or down in its list. */
export async function moveCategory(
	db: Db,
	viewer: Viewer,
	notebookId: string,
	categoryId: string,
	direction: 'up' | 'down'
): Promise<void> {
	await notebookFor(db, viewer, notebookId, 'manage');
	const category = await categoryOf(db, notebookId, categoryId);
	await db.transaction(async (tx) => {
		const siblings = await tx
			.select({ id: notebookCategory.id, position: notebookCategory.position })
			.from(notebookCategory)
			.where(and(eq(notebookCategory.notebookId, notebookId), eq(notebookCategory.list, category.list)))
			.orderBy(asc(notebookCategory.position))
			.for('update');
		const i = siblings.findIndex((s) => s.id === categoryId);
		const j = direction === 'up' ? i - 1 : i + 1;
		if (j < 0 || j >= siblings.length) return;
		await tx.update(notebookCategory).set({ position: siblings[j].position }).where(eq(notebookCategory.id, siblings[i].id));
		await tx.update(notebookCategory).set({ position: siblings[i].position }).where(eq(notebookCategory.id, siblings[j].id));
	});
}

/** Deletes a category; its notes stay in the notebook, uncategorised in that list. */
export async function deleteCategory(db: Db, viewer: Viewer, notebookId: string, categoryId: string): Promise<void> {
	await notebookFor(db, viewer, notebookId, 'manage');
	await categoryOf(db, notebookId, categoryId);
	await db.delete(notebookCategory).where(eq(notebookCategory.id, categoryId));
}
