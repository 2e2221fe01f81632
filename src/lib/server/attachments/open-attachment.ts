import { NotFoundError } from '../../domain/errors.ts';
import { canViewNote } from '../../domain/visibility.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import type { Ctx } from '../context.ts';
import { openFile, type StoredFile } from '../storage/index.ts';
import { noteFor } from './note-access.ts';
import { findAttachment, type AttachmentRow } from './queries.ts';

export interface OpenedAttachment {
	attachment: AttachmentRow;
	file: StoredFile;
	/** Everyone may see the note (public and published): shared caches may keep the file. */
	isPublic: boolean;
}

/**
 * A file to download, if the viewer may see its note (anyone who may see the note may download its files).
 * NotFoundError for an unknown id, a note the viewer may not see, a deleted note, or a file missing from storage:
 * the answer never tells which (DESIGN §6).
 */
export async function openAttachment(ctx: Pick<Ctx, 'db' | 'config'>, viewer: Viewer, id: string): Promise<OpenedAttachment> {
	const attachment = await findAttachment(ctx.db, id);
	if (!attachment) throw new NotFoundError('No such file');
	const { facts } = await noteFor(ctx.db, viewer, attachment.noteId, 'view');
	const file = await openFile(ctx.config.dataDir, 'attachments', attachment.storageKey);
	if (!file) throw new NotFoundError('No such file');
	return { attachment, file, isPublic: canViewNote(anonymous, facts) };
}
