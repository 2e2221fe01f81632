import { and, eq, isNull } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { notebookFor } from './access.ts';

/**
 * Managers (and admins) delete a notebook. It is kept, marked deleted: from then on only admins see it (canViewNotebook),
 * and every page, feed, listing and API answers as if it never existed. Its notes are untouched: they live on their
 * own and in other notebooks. Deleting it again does nothing.
 * Throws NotFoundError if the viewer may not see it, ForbiddenError if they may not manage it.
 */
export async function deleteNotebook(db: Db, viewer: Viewer, notebookId: string): Promise<void> {
	await notebookFor(db, viewer, notebookId, 'manage');
	const now = new Date();
	await db
		.update(schema.notebook)
		.set({ deletedAt: now, updatedAt: now })
		.where(and(eq(schema.notebook.id, notebookId), isNull(schema.notebook.deletedAt)));
}
