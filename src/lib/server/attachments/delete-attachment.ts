import type { Viewer } from '../../domain/viewer.ts';
import type { Ctx } from '../context.ts';
import { deleteFile } from '../storage/index.ts';
import { editableAttachment } from './note-access.ts';
import { deleteAttachmentRow } from './queries.ts';

/**
 * Deletes an attachment and its file (nothing is kept: Loi 25). Links to it in the body then lead nowhere; the
 * editor should remove them. Those who may edit the note may. Throws as updateAltText.
 */
export async function deleteAttachment(
	ctx: Pick<Ctx, 'db' | 'config'>,
	viewer: Viewer,
	noteId: string,
	attachmentId: string
): Promise<void> {
	await editableAttachment(ctx.db, viewer, noteId, attachmentId);
	const row = await deleteAttachmentRow(ctx.db, attachmentId);
	// The row goes first: a page never offers a file that is no longer there.
	if (row) await deleteFile(ctx.config.dataDir, 'attachments', row.storageKey);
}
