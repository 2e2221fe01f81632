import { ForbiddenError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { getNotebook } from '../notebooks/index.ts';
import { importMarkdown, type ImportReport } from './import-markdown.ts';
import { readZip } from './read-sources.ts';

/**
 * A manager's upload on the notebook page: the zip's notes are imported and included in this notebook.
 * NotFoundError if the viewer may not see the notebook, ForbiddenError if they do not manage it, ValidationError
 * for a file that is no zip or is too big.
 */
export async function importIntoNotebook(db: Db, viewer: Viewer, notebookId: string, zip: Uint8Array): Promise<ImportReport> {
	const { canManage } = await getNotebook(db, viewer, notebookId);
	if (!canManage) throw new ForbiddenError('Only managers import into a notebook');
	return importMarkdown(db, viewer, readZip(zip), { notebookId });
}
