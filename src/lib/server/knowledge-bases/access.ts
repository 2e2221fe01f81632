import { ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import { canManageKnowledgeBase, canViewKnowledgeBase } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { findKnowledgeBaseWithFacts } from './queries.ts';

/**
 * The knowledge base if the viewer may do `what` with it: NotFoundError if they may not see it (as if it did not
 * exist), ForbiddenError if they see it but may not manage it.
 */
export async function knowledgeBaseFor(db: Db, viewer: Viewer, id: string, what: 'view' | 'manage') {
	const found = await findKnowledgeBaseWithFacts(db, id);
	if (!found || !canViewKnowledgeBase(viewer, found.facts)) throw new NotFoundError('No such knowledge base');
	if (what === 'manage' && !canManageKnowledgeBase(viewer, found.facts))
		throw new ForbiddenError('Only managers choose the notebooks of a knowledge base');
	return found;
}
