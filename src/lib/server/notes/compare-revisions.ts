import { NotFoundError } from '../../domain/errors.ts';
import { diffText } from '../../domain/diff.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { getNote } from './get-note.ts';
import { findRevision } from './queries.ts';

/**
 * Word-level differences between two revisions of a note the viewer may see (NotFoundError otherwise, or for a
 * revision of another note).
 */
export async function compareRevisions(db: Db, viewer: Viewer, id: string, fromId: string, toId: string) {
	const view = await getNote(db, viewer, id);
	const [from, to] = await Promise.all([findRevision(db, id, fromId), findRevision(db, id, toId)]);
	if (!from || !to) throw new NotFoundError('No such revision');
	return {
		...view,
		from: { id: from.id, number: from.number, createdAt: from.createdAt },
		to: { id: to.id, number: to.number, createdAt: to.createdAt },
		title: diffText(from.title, to.title),
		summary: diffText(from.summary, to.summary),
		body: diffText(from.body, to.body)
	};
}
