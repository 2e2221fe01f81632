import { eq } from 'drizzle-orm';
import { ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import { canEditNote, canViewNote } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
// Straight from its file, not discussions' index: that one imports notes, and this file imports nothing of notes.
import { refreshNoteThreadTitles } from '../discussions/note-thread-title.ts';
import { findNotesWithFacts, findNoteWithFacts } from './queries.ts';

/** The note if the viewer may change it; NotFoundError if they may not see it, ForbiddenError if they only read it. */
export async function editableNote(db: Db, viewer: Viewer, id: string) {
	const found = await findNoteWithFacts(db, id);
	if (!found || !canViewNote(viewer, found.facts)) throw new NotFoundError('No such note');
	if (!canEditNote(viewer, found.facts)) throw new ForbiddenError('Only authors change a note');
	return found.row;
}

/** Publishes a draft (its first publication date is kept if it was published before) or unpublishes it. Authors only. */
export async function setNoteStatus(db: Db, viewer: Viewer, id: string, status: 'draft' | 'published') {
	const row = await editableNote(db, viewer, id);
	await db
		.update(schema.note)
		.set({ status, publishedAt: status === 'published' ? (row.publishedAt ?? new Date()) : row.publishedAt, updatedAt: new Date() })
		.where(eq(schema.note.id, id));
	await refreshNoteThreadTitles(db, [id], findNotesWithFacts);
}

/** Soft-deletes a note: it disappears for everyone but admins, who may restore it. Authors and admins. */
export async function deleteNote(db: Db, viewer: Viewer, id: string) {
	await editableNote(db, viewer, id);
	await db.update(schema.note).set({ deletedAt: new Date() }).where(eq(schema.note.id, id));
	await refreshNoteThreadTitles(db, [id], findNotesWithFacts);
}

/** Admins bring back a deleted note. */
export async function restoreNote(db: Db, viewer: Viewer, id: string) {
	if (viewer.kind !== 'account' || !viewer.isAdmin) throw new NotFoundError('No such note');
	const found = await findNoteWithFacts(db, id);
	if (!found) throw new NotFoundError('No such note');
	await db.update(schema.note).set({ deletedAt: null }).where(eq(schema.note.id, id));
	await refreshNoteThreadTitles(db, [id], findNotesWithFacts);
}
