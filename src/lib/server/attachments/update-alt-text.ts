import { NotFoundError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Ctx } from '../context.ts';
import { editableAttachment } from './note-access.ts';
import { presentAttachment } from './present.ts';
import { setAltText } from './queries.ts';
import type { AttachmentJson, UpdateAttachmentInput } from './schemas.ts';

/**
 * Changes an attachment's alt text. Those who may edit the note may. Throws UnauthorizedError, NotFoundError (note
 * or attachment missing or hidden), ForbiddenError (sees the note, not an author).
 */
export async function updateAltText(
	ctx: Pick<Ctx, 'db' | 'config'>,
	viewer: Viewer,
	noteId: string,
	attachmentId: string,
	input: UpdateAttachmentInput
): Promise<AttachmentJson> {
	await editableAttachment(ctx.db, viewer, noteId, attachmentId);
	const row = await setAltText(ctx.db, attachmentId, input.altText);
	if (!row) throw new NotFoundError('No such attachment');
	return presentAttachment(row, ctx.config.publicUrl);
}
