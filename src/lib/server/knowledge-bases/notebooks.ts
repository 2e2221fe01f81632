import { and, eq, sql } from 'drizzle-orm';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { canViewNotebook } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { findNotebookWithFacts, listNotebooks } from '../notebooks/index.ts';
import { knowledgeBaseFor } from './access.ts';

const { knowledgeBase, knowledgeBaseNotebook } = schema;

/**
 * Adds a notebook at the end of the knowledge base. Managers of the knowledge base only (ForbiddenError), and only a
 * notebook they may see themselves (NotFoundError otherwise, as if it did not exist); ConflictError if already in.
 */
export async function addKnowledgeBaseNotebook(db: Db, viewer: Viewer, kbId: string, notebookId: string) {
	await knowledgeBaseFor(db, viewer, kbId, 'manage');
	const nb = await findNotebookWithFacts(db, notebookId);
	if (!nb || nb.facts.deleted || !canViewNotebook(viewer, nb.facts)) throw new NotFoundError('No such notebook');
	await db.transaction(async (tx) => {
		const added = await tx
			.insert(knowledgeBaseNotebook)
			.values({
				knowledgeBaseId: kbId,
				notebookId,
				addedBy: viewer.kind === 'account' ? viewer.id : null,
				position: sql`(select coalesce(max(${knowledgeBaseNotebook.position}), -1) + 1 from ${knowledgeBaseNotebook}
					where ${knowledgeBaseNotebook.knowledgeBaseId} = ${kbId})`
			})
			.onConflictDoNothing()
			.returning({ notebookId: knowledgeBaseNotebook.notebookId });
		if (!added.length) throw new ConflictError('The notebook is already in this knowledge base');
		await tx.update(knowledgeBase).set({ updatedAt: new Date() }).where(eq(knowledgeBase.id, kbId));
	});
}

/** Takes a notebook out of the knowledge base (the notebook stays). Managers only; NotFoundError if it is not in. */
export async function removeKnowledgeBaseNotebook(db: Db, viewer: Viewer, kbId: string, notebookId: string) {
	await knowledgeBaseFor(db, viewer, kbId, 'manage');
	const removed = await db
		.delete(knowledgeBaseNotebook)
		.where(and(eq(knowledgeBaseNotebook.knowledgeBaseId, kbId), eq(knowledgeBaseNotebook.notebookId, notebookId)))
		.returning({ notebookId: knowledgeBaseNotebook.notebookId });
	if (!removed.length) throw new NotFoundError('The notebook is not in this knowledge base');
	await db.update(knowledgeBase).set({ updatedAt: new Date() }).where(eq(knowledgeBase.id, kbId));
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * For the managers' picker: notebooks the viewer may see whose title contains `find` (accents and case aside), not
 * yet in the knowledge base; at most 20. ForbiddenError unless the viewer manages it.
 */
export async function findNotebooksToAdd(db: Db, viewer: Viewer, kbId: string, find: string) {
	await knowledgeBaseFor(db, viewer, kbId, 'manage');
	const [visible, inKb] = await Promise.all([
		listNotebooks(db, viewer, {}),
		db.select({ id: knowledgeBaseNotebook.notebookId }).from(knowledgeBaseNotebook).where(eq(knowledgeBaseNotebook.knowledgeBaseId, kbId))
	]);
	const taken = new Set(inKb.map((r) => r.id));
	const wanted = fold(find.trim());
	return visible
		.filter((nb) => !taken.has(nb.id) && fold(nb.title).includes(wanted))
		.slice(0, 20)
		.map(({ id, title, visibility }) => ({ id, title, visibility }));
}
