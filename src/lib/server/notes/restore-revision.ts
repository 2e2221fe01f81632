import { eq } from 'drizzle-orm';
import { ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import { canEditNote, canViewNote } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
// Straight from its file, not discussions' index: that one imports notes, and this file imports nothing of notes.
import { refreshNoteThreadTitles } from '../discussions/note-thread-title.ts';
import { findNotesWithFacts, findNoteWithFacts, findRevision } from './queries.ts';
import { writeRevision } from './write-revision.ts';

/**
 * Restoring never rewrites history: the old text becomes a new revision on top, whose message says which version
 * it restored. Authors and admins.
 */
export async function restoreRevision(db: Db, viewer: Viewer, id: string, revisionId: string, message: (restoredNumber: number) => string) {
	const found = await findNoteWithFacts(db, id);
	if (!found || !canViewNote(viewer, found.facts)) throw new NotFoundError('No such note');
	if (!canEditNote(viewer, found.facts)) throw new ForbiddenError('Only authors restore a revision');
	const old = await findRevision(db, id, revisionId);
	if (!old) throw new NotFoundError('No such revision');
	return db.transaction(async (tx) => {
		const [locked] = await tx
			.select({ current: schema.note.currentRevisionId })
			.from(schema.note)
			.where(eq(schema.note.id, id))
			.for('update');
		await tx
			.update(schema.note)
			.set({ title: old.title, summary: old.summary, body: old.body, updatedAt: new Date() })
			.where(eq(schema.note.id, id));
		const newRevisionId = await writeRevision(tx, id, {
			editorId: viewer.kind === 'account' ? viewer.id : null,
			message: message(old.number),
			baseRevisionId: locked.current
		});
		await refreshNoteThreadTitles(tx, [id], findNotesWithFacts);
		return { revisionId: newRevisionId };
	});
}
