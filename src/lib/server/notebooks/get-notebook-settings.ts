import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { notebookFor } from './access.ts';
import { getNotebook } from './get-notebook.ts';
import { listTocCandidates } from './table-of-contents.ts';

/**
 * What the settings page of a notebook needs: the notebook as its manager sees it, and the notes they may choose as
 * its table of contents. NotFoundError if the viewer may not see it, ForbiddenError if they may not manage it.
 */
export async function getNotebookSettings(db: Db, viewer: Viewer, id: string) {
	await notebookFor(db, viewer, id, 'manage');
	const [view, tocCandidates] = await Promise.all([getNotebook(db, viewer, id), listTocCandidates(db, viewer, id)]);
	return { ...view, tocCandidates };
}
