import { ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import { canContributeToNotebook, canManageNotebook, canViewNotebook } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { findNotebookWithFacts } from './queries.ts';

/**
 * The notebook if the viewer may do `what` with it: NotFoundError if they may not see it (as if it did not exist),
 * ForbiddenError if they see it but may not do this.
 */
export async function notebookFor(db: Db, viewer: Viewer, id: string, what: 'view' | 'contribute' | 'manage') {
	const found = await findNotebookWithFacts(db, id);
	if (!found || !canViewNotebook(viewer, found.facts)) throw new NotFoundError('No such notebook');
	if (what === 'contribute' && !canContributeToNotebook(viewer, found.facts)) throw new ForbiddenError('Only contributors add notes');
	if (what === 'manage' && !canManageNotebook(viewer, found.facts)) throw new ForbiddenError('Only managers curate a notebook');
	return found;
}
