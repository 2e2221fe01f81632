import { ForbiddenError, NotFoundError, UnauthorizedError } from '../../domain/errors.ts';
import { canEditNote, canViewNote, seesOnlyAsAdmin } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { logAdminView } from '../admin/index.ts';
import type { Db } from '../db/index.ts';
import { findNoteWithFacts } from '../notes/queries.ts';
import { findAttachment, type AttachmentRow } from './queries.ts';

export type NoteWithFacts = NonNullable<Awaited<ReturnType<typeof findNoteWithFacts>>>;

/**
 * The note whose attachments are at stake, if the viewer may see it: NotFoundError otherwise, exactly as for a
 * missing note (DESIGN §6). With `need: 'edit'`, ForbiddenError for a viewer who sees the note but may not change it.
 * An admin's view of a note only their role reveals is logged.
 */
export async function noteFor(db: Db, viewer: Viewer, noteId: string, need: 'view' | 'edit'): Promise<NoteWithFacts> {
	const found = await findNoteWithFacts(db, noteId);
	if (!found || !canViewNote(viewer, found.facts)) throw new NotFoundError('No such note');
	if (need === 'edit' && !canEditNote(viewer, found.facts)) throw new ForbiddenError('Only the authors of the note may change its files');
	if (seesOnlyAsAdmin(viewer, (v) => canViewNote(v, found.facts))) await logAdminView(db, viewer, 'note', noteId);
	return found;
}

/**
 * The attachment, if it belongs to that note and the viewer may edit the note. An attachment of another note answers
 * 404, so ids cannot be probed through a note one may edit.
 */
export async function editableAttachment(db: Db, viewer: Viewer, noteId: string, attachmentId: string): Promise<AttachmentRow> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in first');
	await noteFor(db, viewer, noteId, 'edit');
	const row = await findAttachment(db, attachmentId);
	if (!row || row.noteId !== noteId) throw new NotFoundError('No such attachment');
	return row;
}
